package io.tandem.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * messages.properties as a message source that keeps what it has read, since the bundles do not
 * change while the application runs. A message is looked up in its bundle once; a message whose
 * placeholders are all plain ({@code {0}}, no format type, no quotes) is filled in directly when
 * none of its arguments is a number or a date (which {@link java.text.MessageFormat} would format
 * by the locale), writing what {@code MessageFormat} writes: the text, {@code toString()} of
 * anything else, {@code null} for none, and {@code {n}} for an argument not given. Every other
 * message goes through {@code MessageFormat} as before. A page asks for dozens of messages; the
 * bundle chain's look-ups and the synchronised {@code MessageFormat} were a few per cent of the
 * workspace's cost (issue 17).
 */
class KeptMessages extends ResourceBundleMessageSource {

    private final boolean keep;
    private final Map<ResourceBundle, Map<String, String>> texts = new ConcurrentHashMap<>();
    private final Map<String, Template> templates = new ConcurrentHashMap<>();

    /** {@code keep} is false when the bundles are read again after a while (a cache duration). */
    KeptMessages(boolean keep) {
        this.keep = keep;
    }

    @Override
    protected String getStringOrNull(ResourceBundle bundle, String key) {
        if (!keep) {
            return super.getStringOrNull(bundle, key);
        }
        Map<String, String> kept = texts.computeIfAbsent(bundle, b -> new ConcurrentHashMap<>());
        String text = kept.get(key);
        if (text == null) {
            // Only messages found are kept: a code nobody defined (made from input, say) is not.
            text = super.getStringOrNull(bundle, key);
            if (text != null) {
                kept.put(key, text);
            }
        }
        return text;
    }

    /** How many messages are kept, over every bundle. */
    int kept() {
        return texts.values().stream().mapToInt(Map::size).sum();
    }

    @Override
    protected String getMessageInternal(String code, Object[] args, Locale locale) {
        if (keep
                && code != null
                && locale != null
                && args != null
                && args.length > 0
                && plain(args)) {
            String pattern = resolveCodeWithoutArguments(code, locale);
            if (pattern != null) {
                Template template = templates.computeIfAbsent(pattern, Template::of);
                if (template != Template.FORMATTED) {
                    return template.fill(args);
                }
            }
        }
        return super.getMessageInternal(code, args, locale);
    }

    /** Whether MessageFormat would write every argument as its text (no number or date format). */
    private static boolean plain(Object[] args) {
        for (Object arg : args) {
            if (arg instanceof Number
                    || arg instanceof java.util.Date
                    || arg instanceof MessageSourceResolvable) {
                return false;
            }
        }
        return true;
    }

    /** A pattern cut at its placeholders: texts[0] {arguments[0]} texts[1] … texts[n]. */
    private record Template(String[] texts, int[] arguments) {

        /** For a pattern MessageFormat must read (quotes, format types…): kept as such. */
        static final Template FORMATTED = new Template(null, null);

        static Template of(String pattern) {
            List<String> texts = new ArrayList<>();
            List<Integer> arguments = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '\'' || c == '}') {
                    return FORMATTED;
                }
                if (c == '{') {
                    int end = i + 1;
                    int argument = 0;
                    while (end < pattern.length() && end - i < 6 && digit(pattern.charAt(end))) {
                        argument = argument * 10 + (pattern.charAt(end) - '0');
                        end++;
                    }
                    if (end == i + 1 || end >= pattern.length() || pattern.charAt(end) != '}') {
                        return FORMATTED;
                    }
                    texts.add(pattern.substring(start, i));
                    arguments.add(argument);
                    i = end;
                    start = end + 1;
                }
            }
            texts.add(pattern.substring(start));
            return new Template(
                    texts.toArray(String[]::new),
                    arguments.stream().mapToInt(Integer::intValue).toArray());
        }

        private static boolean digit(char c) {
            return c >= '0' && c <= '9';
        }

        String fill(Object[] args) {
            StringBuilder out = new StringBuilder(64).append(texts[0]);
            for (int i = 0; i < arguments.length; i++) {
                int argument = arguments[i];
                if (argument < args.length) {
                    out.append(args[argument] instanceof String text ? text : args[argument]);
                } else {
                    out.append('{').append(argument).append('}');
                }
                out.append(texts[i + 1]);
            }
            return out.toString();
        }
    }
}
