/**
 * A stub Liaobots gateway on 127.0.0.1 that speaks the real wire formats, for offline
 * tests of code that uses the starter, and a Spring test annotation that points the
 * starter at it.
 */
package work.liaobots.spring.test;
