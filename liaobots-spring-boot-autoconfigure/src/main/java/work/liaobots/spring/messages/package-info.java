/**
 * Anthropic Messages through the gateway: the service, request and response models,
 * stream events and the accumulator that folds a stream into a message.
 */
package work.liaobots.spring.messages;
