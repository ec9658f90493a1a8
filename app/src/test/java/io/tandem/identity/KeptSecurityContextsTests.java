package io.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;

class KeptSecurityContextsTests {

    private final KeptSecurityContexts contexts =
            new KeptSecurityContexts(getClass().getClassLoader());
    private final SerializingConverter serializer = new SerializingConverter();

    @Test
    void aContextReadAgainFromTheSameBytesIsTheSameSignInInAContextOfItsOwn() {
        byte[] stored = serializer.convert(context("alice@acme.test", "ROLE_ADMIN"));

        var first = (SecurityContext) contexts.read(stored);
        var second = (SecurityContext) contexts.read(stored.clone());

        assertThat(second).isNotSameAs(first);
        assertThat(second.getAuthentication().getName()).isEqualTo("alice@acme.test");
        assertThat(second.getAuthentication().getAuthorities())
                .extracting(Object::toString)
                .containsExactly("ROLE_ADMIN");
        // One request replacing its sign-in leaves the next request's untouched.
        second.setAuthentication(null);
        assertThat(((SecurityContext) contexts.read(stored)).getAuthentication().getName())
                .isEqualTo("alice@acme.test");
    }

    @Test
    void aContextChangedElsewhereIsReadAsStored() {
        contexts.read(serializer.convert(context("bob@acme.test", "ROLE_EMPLOYEE")));

        var changed =
                (SecurityContext)
                        contexts.read(serializer.convert(context("bob@acme.test", "ROLE_ADMIN")));

        assertThat(changed.getAuthentication().getAuthorities())
                .extracting(Object::toString)
                .containsExactly("ROLE_ADMIN");
    }

    @Test
    void otherAttributesAreReadAfreshEachTime() {
        List<String> list = new ArrayList<>(List.of("a"));
        byte[] stored = serializer.convert(list);

        @SuppressWarnings("unchecked")
        var first = (List<String>) contexts.read(stored);
        first.add("b");

        assertThat(contexts.read(stored)).isEqualTo(List.of("a"));
    }

    private static SecurityContext context(String name, String role) {
        return new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(
                        name, null, List.of(new SimpleGrantedAuthority(role))));
    }
}
