package io.tandem.mentorships.web;

import io.tandem.identity.TandemUser;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.mentorships.MentorshipSummary;
import io.tandem.people.CurrentPerson;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.programs.ProgramManagement;
import io.tandem.shared.PageQuery;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** "My mentorships": the people you mentor and the people who mentor you. */
@Controller
class MentorshipPageController {

    /** One line of the page: the other person, your part and the program. */
    record Line(
            MentorshipSummary mentorship, PersonSummary other, boolean mentoring, String program) {}

    private final MentorshipManagement mentorships;
    private final PeopleManagement people;
    private final ProgramManagement programs;
    private final MessageSourceAccessor messages;

    static final int PAGE = 50;

    MentorshipPageController(
            MentorshipManagement mentorships,
            PeopleManagement people,
            ProgramManagement programs,
            MessageSource messageSource) {
        this.mentorships = mentorships;
        this.people = people;
        this.programs = programs;
        this.messages = new MessageSourceAccessor(messageSource);
    }

    @GetMapping("/mentorships")
    String mine(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> me,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "0") int page,
            jakarta.servlet.http.HttpServletRequest request,
            Model model) {
        if (me.isEmpty()) {
            return "people/no-profile";
        }
        PersonId myId = me.get().id();
        var paged =
                mentorships.find(
                        user.organisationId(), null, myId, PageQuery.of(Math.max(0, page), PAGE));
        if (paged.items().isEmpty() && paged.total() > 0) {
            paged =
                    mentorships.find(
                            user.organisationId(),
                            null,
                            myId,
                            PageQuery.of(paged.totalPages() - 1, PAGE));
        }
        model.addAttribute("pager", io.tandem.web.Pager.of(paged, request));
        List<MentorshipSummary> mine = paged.items();
        Set<PersonId> others = new HashSet<>();
        mine.forEach(m -> others.add(m.mentorId().equals(myId) ? m.menteeId() : m.mentorId()));
        Map<PersonId, PersonSummary> found = people.findAll(user.organisationId(), others);
        List<Line> lines =
                mine.stream()
                        .map(
                                m -> {
                                    boolean mentoring = m.mentorId().equals(myId);
                                    PersonSummary other =
                                            found.get(mentoring ? m.menteeId() : m.mentorId());
                                    String program =
                                            programs.get(user.organisationId(), m.programId())
                                                    .name();
                                    return new Line(m, other, mentoring, program);
                                })
                        .toList();
        model.addAttribute(
                "lists",
                MentorshipList.html(
                        lines.stream().filter(l -> !l.mentoring()).toList(),
                        lines.stream().filter(Line::mentoring).toList(),
                        request.getContextPath(),
                        messages));
        return "mentorships/mine";
    }
}
