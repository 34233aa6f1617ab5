/**
 * Errors the Liaobots clients signal: one base type with a subclass per kind of failure.
 */
package work.liaobots.spring.error;
