package io.tandem.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a new password must be: long enough, not one of the passwords everyone tries first, not the
 * e-mail address, and within the 72 bytes bcrypt reads (longer ones would be cut silently).
 */
@Component
class PasswordPolicy {

    static final int MAX_BYTES = 72;

    private final int minLength;
    private final Set<String> common;

    PasswordPolicy(IdentityProperties properties) {
        this.minLength = Math.max(8, properties.accounts().passwordMinLength());
        this.common = load();
    }

    int minLength() {
        return minLength;
    }

    /** The message code of the first rule the password breaks, with its argument, if any. */
    Optional<String> refusal(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < minLength) {
            return Optional.of("account.password.too-short");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("account.password.too-long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return Optional.of("account.password.common");
        }
        if (email != null) {
            String address = email.toLowerCase(Locale.ROOT);
            String local = address.contains("@") ? address.substring(0, address.indexOf('@')) : "";
            if (lower.equals(address) || (local.length() >= 4 && lower.contains(local))) {
                return Optional.of("account.password.email");
            }
        }
        return Optional.empty();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        var resource = new ClassPathResource("identity/common-passwords.txt");
        try (var reader =
                new BufferedReader(
                        new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
