package io.tandem.messaging;

import org.springframework.context.ApplicationContext;

/** Lets tests outside the module run one digest pass now, instead of waiting for the scheduler. */
public final class DigestRun {

    private DigestRun() {}

    /** One pass of the digest job in that application; answers how many mails it queued. */
    public static int now(ApplicationContext application) {
        return application.getBean(Digests.class).run();
    }
}
