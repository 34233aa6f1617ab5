/**
 * OpenAI Responses API through the gateway: the service, request and response models,
 * stream events and the accumulator that folds a stream into a response.
 */
package work.liaobots.spring.responses;
