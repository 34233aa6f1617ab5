/**
 * Gemini native generation: the service, request and response models with inline images
 * as bytes, the stream decoder and the accumulator.
 */
package work.liaobots.spring.gemini;
