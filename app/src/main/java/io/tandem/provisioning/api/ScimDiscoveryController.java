package io.tandem.provisioning.api;

import io.swagger.v3.oas.annotations.Operation;
import io.tandem.provisioning.ScimException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What this SCIM service supports (RFC 7644 section 4): fixed documents, so an identity provider
 * can discover the schemas before it sends anything.
 */
@RestController
@RequestMapping("/scim/v2")
class ScimDiscoveryController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode serviceProviderConfig = read("scim/service-provider-config.json");
    private final JsonNode resourceTypes = read("scim/resource-types.json");
    private final JsonNode schemas = read("scim/schemas.json");

    @Operation(summary = "SCIM: what this service provider supports")
    @GetMapping("/ServiceProviderConfig")
    ResponseEntity<String> serviceProviderConfig() {
        return json(serviceProviderConfig);
    }

    @Operation(summary = "SCIM: the resource types (User, Group)")
    @GetMapping("/ResourceTypes")
    ResponseEntity<String> resourceTypes() {
        return json(resourceTypes);
    }

    @Operation(summary = "SCIM: one resource type")
    @GetMapping("/ResourceTypes/{name}")
    ResponseEntity<String> resourceType(@PathVariable String name) {
        for (JsonNode type : resourceTypes.path("Resources")) {
            if (type.path("id").asString("").equals(name)) {
                return json(type);
            }
        }
        throw new ScimException(HttpStatus.NOT_FOUND, null, "scim.schema.not-found", name);
    }

    @Operation(summary = "SCIM: the schemas (core user, enterprise user, group)")
    @GetMapping("/Schemas")
    ResponseEntity<String> schemas() {
        return json(schemas);
    }

    @Operation(summary = "SCIM: one schema")
    @GetMapping("/Schemas/{id}")
    ResponseEntity<String> schema(@PathVariable String id) {
        for (JsonNode schema : schemas.path("Resources")) {
            if (schema.path("id").asString("").equals(id)) {
                return json(schema);
            }
        }
        throw new ScimException(HttpStatus.NOT_FOUND, null, "scim.schema.not-found", id);
    }

    private static ResponseEntity<String> json(JsonNode node) {
        return ResponseEntity.ok().contentType(ScimRestController.SCIM_JSON).body(node.toString());
    }

    private static JsonNode read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + path, e);
        }
    }
}
