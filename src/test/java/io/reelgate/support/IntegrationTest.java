package io.reelgate.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.reelgate.notifications.SentMails;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a real server port and a real (embedded) PostgreSQL. Every test class with this
 * annotation shares one cached context, so the database starts once per run; tests make their own uniquely
 * named data rather than cleaning up. Mails are captured by {@link SentMails} (inject it to read them).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ Fixtures.class, SentMails.Capture.class })
public @interface IntegrationTest {
}
