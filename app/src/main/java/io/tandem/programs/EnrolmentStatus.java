package io.tandem.programs;

/**
 * Where an enrolment stands: invited and unanswered, awaiting approval, in, declined or withdrawn.
 */
public enum EnrolmentStatus {
    INVITED,
    PENDING,
    ACTIVE,
    DECLINED,
    WITHDRAWN;

    /** Whether the person takes part (or may, once approved). */
    public boolean open() {
        return this == INVITED || this == PENDING || this == ACTIVE;
    }
}
