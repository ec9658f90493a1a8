package io.tandem;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableAsync
@EnableScheduling
public class TandemApplication {

    public static void main(String[] args) {
        SpringApplication.run(TandemApplication.class, args);
    }

    /** The time everything asks for, so that tests can move it instead of rewriting dates. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
