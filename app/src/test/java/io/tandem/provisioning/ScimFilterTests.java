package io.tandem.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScimFilterTests {

    private static final Set<String> KNOWN = Set.of("username", "active", "externalid");

    private static boolean matches(
            String filter, String userName, boolean active, String externalId) {
        return ScimFilter.parse(
                        filter,
                        KNOWN,
                        Map.of("urn:ietf:params:scim:schemas:core:2.0:user:username", "username"))
                .test(
                        ScimFilter.of(
                                Map.of(
                                        "username", List.of(userName),
                                        "active", List.of(active),
                                        "externalid", List.of(externalId))));
    }

    @Test
    void comparesCaseInsensitivelyExceptExternalId() {
        assertThat(matches("userName eq \"ADA@X.TEST\"", "ada@x.test", true, "e1")).isTrue();
        assertThat(matches("externalId eq \"E1\"", "ada@x.test", true, "e1")).isFalse();
        assertThat(
                        matches(
                                "urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"ada\"",
                                "ada@x.test",
                                true,
                                "e1"))
                .isTrue();
        assertThat(
                        matches(
                                "userName ew \".test\" and userName co \"@x\"",
                                "ada@x.test",
                                true,
                                "e1"))
                .isTrue();
    }

    @Test
    void andBindsTighterThanOrAndParenthesesRegroup() {
        assertThat(
                        matches(
                                "active eq true or active eq false and userName eq \"z\"",
                                "a",
                                true,
                                "e"))
                .isTrue();
        assertThat(
                        matches(
                                "(active eq true or active eq false) and userName eq \"z\"",
                                "a",
                                true,
                                "e"))
                .isFalse();
        assertThat(matches("not (active eq true)", "a", false, "e")).isTrue();
    }

    @Test
    void quotesAndEscapesAreData() {
        assertThat(matches("userName eq \"a\\\"b\"", "a\"b", true, "e")).isTrue();
        assertThat(matches("userName eq \"x' or '1'='1\"", "a", true, "e")).isFalse();
    }

    @Test
    void refusesWhatItCannotParseAsInvalidFilter() {
        for (String bad :
                List.of(
                        "userName eq",
                        "userName eq \"open",
                        "shoeSize eq \"9\"",
                        "userName gt \"a\"",
                        "(userName eq \"a\"",
                        "userName eq \"a\" extra",
                        "userName eq bare")) {
            assertThatThrownBy(() -> matches(bad, "a", true, "e"))
                    .isInstanceOf(ScimException.class)
                    .extracting(e -> ((ScimException) e).scimType())
                    .isEqualTo("invalidFilter");
        }
    }
}
