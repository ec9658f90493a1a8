package io.tandem.meetings;

import io.tandem.identity.OrganisationId;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's calendar feed: a secret address ({@code /calendar/{secret}.ics}) that calendar
 * applications poll, listing the meetings the person organises or is invited to.
 */
@Service
public class CalendarFeedManagement {

    private final CalendarFeeds feeds;
    private final Meetings meetings;
    private final PeopleManagement people;
    private final MeetingsProperties properties;
    private final Clock clock;

    CalendarFeedManagement(
            CalendarFeeds feeds,
            Meetings meetings,
            PeopleManagement people,
            MeetingsProperties properties,
            Clock clock) {
        this.feeds = feeds;
        this.meetings = meetings;
        this.people = people;
        this.properties = properties;
        this.clock = clock;
    }

    /** The secret of the person's feed ({@code /calendar/{secret}.ics}), made on first use. */
    @Transactional
    public String feedSecret(OrganisationId organisation, PersonId person) {
        return feeds.secret(organisation, person);
    }

    /** A new secret for the person's feed; the old address stops working. */
    @Transactional
    public String resetFeed(OrganisationId organisation, PersonId person) {
        return feeds.reset(organisation, person);
    }

    /** A rendered feed and its entity tag (a digest of the text), for conditional requests. */
    public record Feed(String ics, String etag) {}

    /**
     * The feed the secret opens: every meeting its owner organises or is invited to that repeats or
     * ended less than {@code tandem.meetings.feed-past} ago, cancelled ones with STATUS:CANCELLED
     * so that subscribed calendars drop them. Empty for an unknown secret.
     */
    @Transactional(readOnly = true)
    public Optional<Feed> feed(String secret) {
        if (secret == null || secret.length() < 40 || secret.length() > 64) {
            return Optional.empty();
        }
        return meetings.feed(secret, clock.instant().minus(properties.feedPast()))
                .map(
                        rows -> {
                            CalendarFeeds.Owner owner = rows.owner();
                            List<Meeting> all = rows.meetings();
                            java.util.Set<PersonId> ids = new java.util.HashSet<>();
                            all.forEach(
                                    m -> {
                                        ids.add(m.organiserId());
                                        ids.add(m.attendeeId());
                                    });
                            Map<PersonId, PersonSummary> found =
                                    ids.isEmpty()
                                            ? Map.of()
                                            : people.findAll(owner.organisation(), ids);
                            List<Invitations.FeedEntry> entries = new ArrayList<>();
                            for (Meeting m : all) {
                                PersonSummary organiser = found.get(m.organiserId());
                                PersonSummary attendee = found.get(m.attendeeId());
                                if (organiser != null && attendee != null) {
                                    entries.add(new Invitations.FeedEntry(m, organiser, attendee));
                                }
                            }
                            RenderedFeed rendered = renderedFeeds.getIfPresent(owner);
                            if (rendered != null && rendered.entries().equals(entries)) {
                                return rendered.feed();
                            }
                            String ics = Invitations.feed(entries);
                            Feed feed = new Feed(ics, digest(ics));
                            renderedFeeds.put(owner, new RenderedFeed(List.copyOf(entries), feed));
                            return feed;
                        });
    }

    private static String digest(String text) {
        try {
            byte[] hash =
                    java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A feed as last rendered, with everything it was rendered from. */
    private record RenderedFeed(List<Invitations.FeedEntry> entries, Feed feed) {}

    /**
     * Rendered feeds by owner. Calendar applications poll a feed that rarely changes, and rendering
     * 500 meetings as iCalendar costs far more than reading them; a feed is reused only while the
     * meetings and people read for it are equal to those it was rendered from, so no change is ever
     * missed (nor is anything to invalidate on another instance).
     */
    private final com.github.benmanes.caffeine.cache.Cache<CalendarFeeds.Owner, RenderedFeed>
            renderedFeeds =
                    com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                            .maximumWeight(16L * 1024 * 1024)
                            .<CalendarFeeds.Owner, RenderedFeed>weigher(
                                    (owner, rendered) -> rendered.feed().ics().length())
                            .expireAfterAccess(Duration.ofHours(1))
                            .build();
}
