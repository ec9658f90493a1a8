package io.tandem.identity;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * How the session repository turns stored attributes back into objects: as Spring Session does
 * (Java serialisation), except that a security context already read from the same bytes is not
 * deserialised again. Every signed-in request reads its session's security context, and
 * deserialising it was a sizeable part of reading the session (issue 17). Only equal bytes give the
 * kept context, so a context changed anywhere (another instance included) is read afresh; each
 * request gets a context of its own around the kept authentication, as a session kept in memory
 * would give it.
 */
final class KeptSecurityContexts {

    /** Beyond this many distinct contexts (about one per signed-in session), start again. */
    static final int KEPT = 4_096;

    private final DeserializingConverter deserializer;
    private final Map<Bytes, SecurityContext> kept = new ConcurrentHashMap<>();

    KeptSecurityContexts(ClassLoader classLoader) {
        this.deserializer = new DeserializingConverter(classLoader);
    }

    /** The conversions the session repository uses, with this class reading the attributes. */
    GenericConversionService conversionService() {
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        conversions.addConverter(byte[].class, Object.class, this::read);
        return conversions;
    }

    Object read(byte[] bytes) {
        Bytes key = new Bytes(bytes);
        SecurityContext known = kept.get(key);
        if (known != null) {
            return new SecurityContextImpl(known.getAuthentication());
        }
        Object read = deserializer.convert(bytes);
        if (read instanceof SecurityContext context) {
            if (kept.size() >= KEPT) {
                kept.clear();
            }
            kept.put(key, new SecurityContextImpl(context.getAuthentication()));
        }
        return read;
    }

    /** Bytes compared by content. */
    private record Bytes(byte[] value, int hash) {

        Bytes(byte[] value) {
            this(value, Arrays.hashCode(value));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Bytes that
                    && hash == that.hash
                    && Arrays.equals(value, that.value);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return "Bytes[" + value.length + "]";
        }
    }
}
