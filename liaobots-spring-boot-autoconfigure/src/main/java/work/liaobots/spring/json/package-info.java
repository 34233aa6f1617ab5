/**
 * JSON binding shared by every format: the wire mapper and the base model that keeps
 * unknown fields.
 */
package work.liaobots.spring.json;
