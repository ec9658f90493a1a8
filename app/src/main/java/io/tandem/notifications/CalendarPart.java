package io.tandem.notifications;

/**
 * An iCalendar object sent with a mail as its {@code text/calendar; method=…} alternative (iMIP,
 * RFC 6047), so that mail clients offer to add, update or remove the event.
 *
 * @param method the iTIP method, the same as the object's METHOD (REQUEST, CANCEL, …)
 * @param content the whole VCALENDAR text
 */
public record CalendarPart(String method, String content) {

    public CalendarPart {
        if (method == null || !method.matches("[A-Z]{1,20}") || content == null) {
            throw new IllegalArgumentException("a calendar part needs a method and content");
        }
    }
}
