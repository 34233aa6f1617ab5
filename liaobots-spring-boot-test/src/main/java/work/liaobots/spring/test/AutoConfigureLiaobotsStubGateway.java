package work.liaobots.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts a {@link StubGateway} on 127.0.0.1 for a Spring test context and points
 * {@code liaobots.base-urls} and {@code liaobots.authcode} at it. The stub is a bean of
 * the context, so a test can inject it to script replies and read recorded requests.
 * <p>
 * Contexts are cached across test classes, and so is their stub: call
 * {@link StubGateway#reset()} before each test that scripts it.
 *
 * <pre>{@code
 * &#64;SpringBootTest

 * &#64;AutoConfigureLiaobotsStubGateway
 * class MyServiceTests {
 *     &#64;Autowired StubGateway gateway;
 *
&#64;Autowired ChatCompletionsService chat;
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureLiaobotsStubGateway {

}
