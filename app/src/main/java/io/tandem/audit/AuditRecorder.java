package io.tandem.audit;

import io.tandem.engagement.ReportExported;
import io.tandem.identity.ApiTokenIssued;
import io.tandem.identity.ApiTokenRevoked;
import io.tandem.identity.IdentityManagement;
import io.tandem.identity.RoleChanged;
import io.tandem.identity.SsoSettingsChanged;
import io.tandem.matching.MatchPublished;
import io.tandem.matching.MatchRunStarted;
import io.tandem.matching.ProposedPairChanged;
import io.tandem.mentorships.MentorshipContentRemoved;
import io.tandem.mentorships.MentorshipEnded;
import io.tandem.people.PeopleImported;
import io.tandem.people.PersonErased;
import io.tandem.people.PersonLeft;
import io.tandem.people.PersonalDataExported;
import io.tandem.programs.ProgramChanged;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Turns what the other modules announce into audit entries. Listeners run in the publishing
 * transaction, so an action and its entry are written together or not at all.
 */
@Component
class AuditRecorder {

    private final AuditLog log;
    private final IdentityManagement identity;

    AuditRecorder(AuditLog log, IdentityManagement identity) {
        this.log = log;
        this.identity = identity;
    }

    // --- sign-in ---

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        identity.userOf(event.getAuthentication())
                .filter(user -> user.accountId() != null)
                .ifPresent(
                        user ->
                                log.record(
                                        user.organisationId(),
                                        AuditLog.Actor.of(user),
                                        "SIGN_IN",
                                        "account",
                                        user.accountId(),
                                        null));
    }

    /** A failed sign-in to an existing account; one for an unknown e-mail belongs to nobody. */
    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        identity.findAccount(event.getAuthentication().getName())
                .ifPresent(
                        account ->
                                log.record(
                                        account.organisationId(),
                                        new AuditLog.Actor(
                                                "ACCOUNT", account.accountId(), account.email()),
                                        "SIGN_IN_FAILED",
                                        "account",
                                        account.accountId(),
                                        event.getException().getClass().getSimpleName()));
    }

    // --- programs, matching, mentorships, people ---

    @EventListener
    void on(ApiTokenIssued event) {
        log.record(
                event.organisationId(),
                "TOKEN_ISSUED",
                "token",
                event.tokenId(),
                "name=" + event.name() + "; role=" + event.role());
    }

    @EventListener
    void on(ApiTokenRevoked event) {
        log.record(event.organisationId(), "TOKEN_REVOKED", "token", event.tokenId(), null);
    }

    @EventListener
    void on(PeopleImported event) {
        if (event.created() == 0 && event.updated() == 0 && identity.currentUser().isEmpty()) {
            // Tandem itself re-reading a file that changes nobody (the demo's people on every
            // start) did nothing; an import somebody sent is recorded even when it changed nobody.
            return;
        }
        log.record(
                event.organisationId(),
                "PEOPLE_IMPORTED",
                null,
                null,
                "created="
                        + event.created()
                        + "; updated="
                        + event.updated()
                        + "; unchanged="
                        + event.unchanged());
    }

    @EventListener
    void on(ProgramChanged event) {
        log.record(
                event.organisationId(),
                "PROGRAM_" + event.what(),
                "program",
                event.programId().value(),
                event.detail());
    }

    @EventListener
    void on(RoleChanged event) {
        log.record(
                event.organisationId(),
                "ROLE_CHANGED",
                "account",
                event.accountId(),
                "from=" + event.from() + "; to=" + event.to());
    }

    @EventListener
    void on(SsoSettingsChanged event) {
        log.record(
                event.organisationId(),
                "SSO_CHANGED",
                null,
                null,
                "issuer="
                        + event.issuerUrl()
                        + "; enabled="
                        + event.enabled()
                        + "; passwordSignIn="
                        + event.passwordSignIn()
                        + "; justInTime="
                        + event.justInTime());
    }

    @EventListener
    void on(ProposedPairChanged event) {
        log.record(
                event.organisationId(),
                "PAIR_" + event.change(),
                "run",
                event.runId().value(),
                "mentee="
                        + event.menteeId().value()
                        + (event.mentorId() == null ? "" : "; mentor=" + event.mentorId().value()));
    }

    @EventListener
    void on(ReportExported event) {
        log.record(
                event.organisationId(),
                "REPORT_EXPORTED",
                "program",
                event.programId().value(),
                event.what());
    }

    @EventListener
    void on(MatchRunStarted event) {
        log.record(
                event.organisationId(),
                "MATCH_RUN_STARTED",
                "program",
                event.programId().value(),
                "run=" + event.runId().value());
    }

    @EventListener
    void on(MatchPublished event) {
        log.record(
                event.organisationId(),
                "MATCH_PUBLISHED",
                "program",
                event.programId().value(),
                "source=" + event.source());
    }

    /** Ended by a program manager, an API token or Tandem; the pair's own endings are theirs. */
    @EventListener
    void on(MentorshipEnded event) {
        if (event.endedBy() == null) {
            log.record(
                    event.organisationId(),
                    "MENTORSHIP_ENDED",
                    "mentorship",
                    event.mentorshipId().value(),
                    "reason=" + event.reason());
        }
    }

    @EventListener
    void on(PersonalDataExported event) {
        log.record(
                event.organisationId(),
                "PERSONAL_DATA_EXPORTED",
                "person",
                event.personId().value(),
                null);
    }

    /** The person's id and a count only: nothing of what was erased. */
    @EventListener
    void on(PersonErased event) {
        log.record(
                event.organisationId(),
                "PERSON_ERASED",
                "person",
                event.personId().value(),
                "changed=" + event.changed());
    }

    /** Counts only: how many ended mentorships lost their content, how many rows changed. */
    @EventListener
    void on(MentorshipContentRemoved event) {
        log.record(
                event.organisationId(),
                "CONTENT_RETENTION",
                null,
                null,
                "mentorships=" + event.mentorships() + "; rows=" + event.rows());
    }

    @EventListener
    void on(PersonLeft event) {
        log.record(event.organisationId(), "PERSON_LEFT", "person", event.personId().value(), null);
    }
}
