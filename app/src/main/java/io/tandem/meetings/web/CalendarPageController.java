package io.tandem.meetings.web;

import io.tandem.identity.TandemUser;
import io.tandem.meetings.CalendarFeedManagement;
import io.tandem.meetings.MeetingManagement;
import io.tandem.people.CurrentPerson;
import io.tandem.people.PersonSummary;
import io.tandem.shared.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The private calendar feed at {@code /calendar/{secret}.ics}, and the page where a person finds
 * its address and resets it.
 */
@Controller
class CalendarPageController {

    static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private final MeetingManagement meetings;
    private final CalendarFeedManagement feeds;

    CalendarPageController(MeetingManagement meetings, CalendarFeedManagement feeds) {
        this.feeds = feeds;
        this.meetings = meetings;
    }

    @GetMapping("/calendar/{secret}.ics")
    @ResponseBody
    ResponseEntity<String> feed(
            @PathVariable String secret,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false)
                    String ifNoneMatch) {
        CalendarFeedManagement.Feed feed =
                feeds.feed(secret).orElseThrow(() -> new NotFound("meetings.feed.not-found"));
        // Calendar applications poll: one that holds this version gets 304 and no body.
        String tag = "\"" + feed.etag() + "\"";
        if (matches(ifNoneMatch, tag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(tag)
                    .cacheControl(CacheControl.noCache().cachePrivate())
                    .build();
        }
        return ResponseEntity.ok()
                .contentType(CALENDAR)
                .eTag(tag)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(feed.ics());
    }

    private static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String t = candidate.strip();
            if (t.equals("*") || t.equals(tag) || t.equals("W/" + tag)) {
                return true;
            }
        }
        return false;
    }

    @GetMapping("/profile/calendar")
    String page(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            HttpServletRequest request,
            Model model) {
        PersonSummary me = me(profile);
        String secret = feeds.feedSecret(user.organisationId(), me.id());
        model.addAttribute("person", me);
        model.addAttribute(
                "feedUrl",
                ServletUriComponentsBuilder.fromContextPath(request)
                        .path("/calendar/{secret}.ics")
                        .buildAndExpand(secret)
                        .toUriString());
        model.addAttribute("reminderMail", meetings.remindsByMail(user.organisationId(), me.id()));
        return "meetings/calendar";
    }

    @PostMapping("/profile/calendar/reminders")
    String reminders(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @org.springframework.web.bind.annotation.RequestParam(required = false) Boolean mail,
            RedirectAttributes redirect) {
        meetings.setRemindsByMail(
                user.organisationId(), me(profile).id(), Boolean.TRUE.equals(mail));
        redirect.addFlashAttribute("notice", "meetings.reminder.saved");
        return "redirect:/profile/calendar";
    }

    @PostMapping("/profile/calendar/reset")
    String reset(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            RedirectAttributes redirect) {
        feeds.resetFeed(user.organisationId(), me(profile).id());
        redirect.addFlashAttribute("notice", "meetings.feed.reset.done");
        return "redirect:/profile/calendar";
    }

    private static PersonSummary me(Optional<PersonSummary> profile) {
        return profile.orElseThrow(() -> new NotFound("meetings.not-found"));
    }
}
