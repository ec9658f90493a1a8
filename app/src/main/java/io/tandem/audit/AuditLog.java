package io.tandem.audit;

import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.identity.TandemUser;
import io.tandem.shared.PageQuery;
import io.tandem.shared.Paged;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The organisation's audit trail. An action is written in the transaction that did it, at its very
 * end (so the chain's lock is the last one the transaction takes and is held for a moment only):
 * the action and its entry commit or roll back together.
 */
@Service
public class AuditLog {

    /** Who acted, as the trail names them. */
    record Actor(String kind, UUID id, String label) {

        static final Actor SYSTEM = new Actor("SYSTEM", null, "Tandem");

        static Actor of(TandemUser user) {
            return user.accountId() != null
                    ? new Actor("ACCOUNT", user.accountId(), user.email())
                    : new Actor("TOKEN", null, user.displayName());
        }
    }

    /** An entry waiting for its transaction to commit. */
    private record Pending(
            OrganisationId organisation,
            Instant at,
            Actor actor,
            String action,
            String targetType,
            String targetId,
            String detail,
            String address) {}

    private final AuditEntries entries;
    private final AuditChain chain;
    private final IdentityManagement identity;
    private final TransactionTemplate ownTransaction;

    AuditLog(
            AuditEntries entries,
            AuditChain chain,
            IdentityManagement identity,
            PlatformTransactionManager transactions) {
        this.entries = entries;
        this.chain = chain;
        this.identity = identity;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    // --- writing ---

    /** Records an action by whoever is acting on this thread (or Tandem itself). */
    void record(
            OrganisationId organisation,
            String action,
            String targetType,
            Object targetId,
            String detail) {
        record(
                organisation,
                identity.currentUser().map(Actor::of).orElse(Actor.SYSTEM),
                action,
                targetType,
                targetId,
                detail);
    }

    void record(
            OrganisationId organisation,
            Actor actor,
            String action,
            String targetType,
            Object targetId,
            String detail) {
        Pending entry =
                new Pending(
                        organisation,
                        Instant.now().truncatedTo(ChronoUnit.MICROS),
                        actor,
                        action,
                        targetType,
                        targetId == null ? null : targetId.toString(),
                        detail,
                        address());
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            pending().add(entry);
        } else {
            ownTransaction.executeWithoutResult(status -> append(List.of(entry)));
        }
    }

    @SuppressWarnings("unchecked")
    private List<Pending> pending() {
        Object existing = TransactionSynchronizationManager.getResource(this);
        if (existing != null) {
            return (List<Pending>) existing;
        }
        List<Pending> list = new ArrayList<>();
        TransactionSynchronizationManager.bindResource(this, list);
        TransactionSynchronizationManager.registerSynchronization(
                new TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                        append(list);
                    }

                    @Override
                    public void afterCompletion(int status) {
                        TransactionSynchronizationManager.unbindResourceIfPossible(AuditLog.this);
                    }
                });
        return list;
    }

    private void append(List<Pending> pending) {
        // One organisation at a time, in a fixed order, so two transactions never wait on each
        // other.
        pending.stream()
                .map(Pending::organisation)
                .distinct()
                .sorted(java.util.Comparator.comparing(o -> o.value().toString()))
                .forEach(
                        organisation ->
                                append(
                                        organisation,
                                        pending.stream()
                                                .filter(p -> p.organisation().equals(organisation))
                                                .toList()));
    }

    /** Chains the organisation's pending entries onto its head, which stays locked until commit. */
    private void append(OrganisationId organisation, List<Pending> pending) {
        AuditEntries.Head head = entries.lockHead(organisation);
        long seq = head.seq();
        String previous = head.hash();
        for (Pending p : pending) {
            seq++;
            UUID id = UUID.randomUUID();
            String labelDigest = chain.labelDigest(p.actor().label());
            String hash = hash(organisation, seq, id, p, labelDigest, previous);
            entries.append(
                    organisation,
                    labelDigest,
                    new AuditEntry(
                            id,
                            seq,
                            p.at(),
                            p.actor().kind(),
                            p.actor().id(),
                            p.actor().label(),
                            p.action(),
                            p.targetType(),
                            p.targetId(),
                            p.detail(),
                            p.address(),
                            previous,
                            hash));
            previous = hash;
        }
    }

    /** The entry's link in the chain: its fields and the previous entry's hash. */
    private String hash(
            OrganisationId organisation,
            long seq,
            UUID id,
            Pending p,
            String labelDigest,
            String previous) {
        return chain.hash(
                organisation.value(),
                seq,
                id,
                p.at(),
                p.actor().kind(),
                p.actor().id(),
                AuditChain.chained(p.actor().label(), labelDigest),
                p.action(),
                p.targetType(),
                p.targetId(),
                p.detail(),
                p.address(),
                previous);
    }

    private static String address() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    // --- reading ---

    @Transactional(readOnly = true)
    public Paged<AuditEntry> find(OrganisationId organisation, AuditQuery query, PageQuery page) {
        return Paged.of(
                entries.find(organisation, query, page), page, entries.count(organisation, query));
    }

    /** Every matching entry, oldest first (for the CSV download). */
    @Transactional(readOnly = true)
    public void each(OrganisationId organisation, AuditQuery query, Consumer<AuditEntry> action) {
        entries.each(organisation, query, action);
    }

    /**
     * Recomputes the organisation's chain from its first entry: every hash, every link to the
     * previous entry, every place in the sequence, and the recorded end of the chain.
     */
    @Transactional(readOnly = true)
    public Verification verify(OrganisationId organisation) {
        AtomicReference<UUID> broken = new AtomicReference<>();
        long[] checked = {0};
        String[] previous = {AuditChain.GENESIS};
        entries.eachWithDigest(
                organisation,
                (e, labelDigest) -> {
                    checked[0]++;
                    if (broken.get() != null) {
                        return;
                    }
                    String expected =
                            chain.hash(
                                    organisation.value(),
                                    e.seq(),
                                    e.id(),
                                    e.occurredAt(),
                                    e.actorKind(),
                                    e.actorId(),
                                    AuditChain.chained(e.actorLabel(), labelDigest),
                                    e.action(),
                                    e.targetType(),
                                    e.targetId(),
                                    e.detail(),
                                    e.address(),
                                    e.previousHash());
                    if (e.seq() != checked[0]
                            || !Objects.equals(e.previousHash(), previous[0])
                            || !Objects.equals(e.hash(), expected)) {
                        broken.set(e.id());
                    }
                    previous[0] = e.hash();
                });
        AuditEntries.Head head =
                entries.head(organisation).orElse(new AuditEntries.Head(0, AuditChain.GENESIS));
        boolean endIntact = head.seq() == checked[0] && head.hash().equals(previous[0]);
        return new Verification(broken.get() == null && endIntact, checked[0], broken.get());
    }
}
