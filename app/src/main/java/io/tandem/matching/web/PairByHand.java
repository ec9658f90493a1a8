package io.tandem.matching.web;

import io.tandem.identity.OrganisationId;
import io.tandem.matching.MatchRunView;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonName;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.shared.PageQuery;
import io.tandem.shared.Paged;
import jakarta.validation.constraints.Size;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The people the review's "pair by hand" form offers: a page of the run's mentees without a mentor
 * and a page of the program's mentors, each found by name or e-mail when searched for. A program of
 * thousands once listed every one of them as an option on every view of the review (issue 17).
 */
@Component
class PairByHand {

    /** The most people each side of the form offers. */
    static final int SHOWN = 20;

    /** One side of the form: what was searched for, the people offered, how many matched. */
    record Side(String query, List<PersonName> people, long total) {

        public boolean searched() {
            return query != null && !query.isBlank();
        }

        /** More matched than the form offers: the person should search to narrow. */
        public boolean more() {
            return total > people.size();
        }
    }

    /** Both sides of the form. */
    record Choices(Side mentees, Side mentors) {}

    /** What the person searched each side for, as the review's query carries it. */
    record Search(
            @Size(max = Search.MAX_LENGTH) String findMentee,
            @Size(max = Search.MAX_LENGTH) String findMentor) {

        /** A search term longer than this is cut to it: no name or e-mail address is longer. */
        static final int MAX_LENGTH = 200;

        Search {
            findMentee = cut(findMentee);
            findMentor = cut(findMentor);
        }

        private static String cut(String term) {
            return term == null || term.length() <= MAX_LENGTH
                    ? term
                    : term.substring(0, MAX_LENGTH);
        }

        /** The query that shows the form searched again ({@code ?…}), or nothing. */
        String query() {
            var uri = UriComponentsBuilder.newInstance();
            if (findMentee != null && !findMentee.isBlank()) {
                uri.queryParam("findMentee", findMentee.strip());
            }
            if (findMentor != null && !findMentor.isBlank()) {
                uri.queryParam("findMentor", findMentor.strip());
            }
            return uri.encode().build().toUriString();
        }
    }

    private final PeopleManagement people;
    private final EnrolmentManagement enrolling;

    PairByHand(PeopleManagement people, EnrolmentManagement enrolling) {
        this.people = people;
        this.enrolling = enrolling;
    }

    /** The choices for {@code run} (finished, under review) with {@code left} mentees left over. */
    Choices of(
            OrganisationId organisation,
            MatchRunView run,
            List<MatchRunView.Unmatched> left,
            Search search) {
        return new Choices(
                side(
                        organisation,
                        left.stream().map(MatchRunView.Unmatched::menteeId).toList(),
                        search.findMentee()),
                side(
                        organisation,
                        enrolling.activeMentors(organisation, run.programId()),
                        search.findMentor()));
    }

    /** The person chosen on one side, or null when none was (or the value is not an id). */
    static PersonId chosen(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new PersonId(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    /** A refusal's fields ({@code menteeId}, {@code mentorId}) as the form names its own. */
    static Map<String, String> byField(Map<String, String> refused) {
        Map<String, String> errors = new LinkedHashMap<>();
        refused.forEach(
                (field, message) ->
                        errors.merge(
                                field.startsWith("mentee") ? "mentee" : "mentor",
                                message,
                                (a, b) -> a + " " + b));
        return errors;
    }

    private Side side(OrganisationId organisation, Collection<PersonId> among, String query) {
        String q = query == null ? null : query.strip();
        Paged<PersonName> found = people.namesAmong(organisation, among, q, PageQuery.of(0, SHOWN));
        return new Side(q, found.items(), found.total());
    }
}
