package io.tandem.provisioning.api;

import io.swagger.v3.oas.annotations.Operation;
import io.tandem.identity.TandemUser;
import io.tandem.provisioning.ProvisioningManagement;
import io.tandem.provisioning.ProvisioningManagement.ScimPage;
import io.tandem.provisioning.ScimException;
import io.tandem.provisioning.ScimResource;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** SCIM 2.0 Users and Groups (RFC 7644), for a token with the {@code scim} scope. */
@RestController
@RequestMapping("/scim/v2")
class ScimRestController {

    static final MediaType SCIM_JSON = MediaType.parseMediaType("application/scim+json");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProvisioningManagement provisioning;

    ScimRestController(ProvisioningManagement provisioning) {
        this.provisioning = provisioning;
    }

    @Operation(
            summary =
                    "SCIM: list users; filter (eq, co, sw, and/or on userName, emails, externalId, active), startIndex, count")
    @GetMapping("/Users")
    ResponseEntity<String> users(
            TandemUser caller,
            @RequestParam(required = false) String filter,
            @RequestParam(required = false) Integer startIndex,
            @RequestParam(required = false) Integer count) {
        return list(
                provisioning.users(caller.organisationId(), filter, startIndex, count), "Users");
    }

    /** RFC 7644 section 3.4.3: the same query as a POST body. */
    @Operation(summary = "SCIM: search users with a SearchRequest body")
    @PostMapping("/Users/.search")
    ResponseEntity<String> searchUsers(
            TandemUser caller, @RequestBody(required = false) String body) {
        JsonNode search = parse(body);
        return users(
                caller,
                search.path("filter").asString(null),
                search.path("startIndex").isNumber() ? search.path("startIndex").asInt() : null,
                search.path("count").isNumber() ? search.path("count").asInt() : null);
    }

    @Operation(summary = "SCIM: one user, with its ETag")
    @GetMapping("/Users/{id}")
    ResponseEntity<String> user(TandemUser caller, @PathVariable String id) {
        return one(HttpStatus.OK, provisioning.user(caller.organisationId(), id), "Users");
    }

    @Operation(summary = "SCIM: create a user (core and enterprise extension)")
    @PostMapping("/Users")
    ResponseEntity<String> createUser(
            TandemUser caller, @RequestBody(required = false) String body) {
        return one(
                HttpStatus.CREATED,
                provisioning.createUser(caller.organisationId(), parse(body)),
                "Users");
    }

    @Operation(summary = "SCIM: replace a user; If-Match with the ETag")
    @PutMapping("/Users/{id}")
    ResponseEntity<String> replaceUser(
            TandemUser caller,
            @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) String body) {
        return one(
                HttpStatus.OK,
                provisioning.replaceUser(caller.organisationId(), id, parse(body), ifMatch),
                "Users");
    }

    @Operation(
            summary =
                    "SCIM: patch a user (active, manager, division, department, employeeNumber, …); If-Match")
    @PatchMapping("/Users/{id}")
    ResponseEntity<String> patchUser(
            TandemUser caller,
            @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) String body) {
        return one(
                HttpStatus.OK,
                provisioning.patchUser(caller.organisationId(), id, parse(body), ifMatch),
                "Users");
    }

    @Operation(summary = "SCIM: deprovision a user: inactive, mentorships end, history kept")
    @DeleteMapping("/Users/{id}")
    ResponseEntity<Void> deleteUser(
            TandemUser caller,
            @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        provisioning.deleteUser(caller.organisationId(), id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "SCIM: list groups (divisions and roles)")
    @GetMapping("/Groups")
    ResponseEntity<String> groups(
            TandemUser caller,
            @RequestParam(required = false) String filter,
            @RequestParam(required = false) Integer startIndex,
            @RequestParam(required = false) Integer count,
            @RequestParam(required = false) String excludedAttributes) {
        return list(
                provisioning.groups(
                        caller.organisationId(),
                        filter,
                        startIndex,
                        count,
                        !excludesMembers(excludedAttributes)),
                "Groups");
    }

    @Operation(summary = "SCIM: one group")
    @GetMapping("/Groups/{id}")
    ResponseEntity<String> group(
            TandemUser caller,
            @PathVariable String id,
            @RequestParam(required = false) String excludedAttributes) {
        return one(
                HttpStatus.OK,
                provisioning.group(
                        caller.organisationId(), id, !excludesMembers(excludedAttributes)),
                "Groups");
    }

    @Operation(summary = "SCIM: create a group")
    @PostMapping("/Groups")
    ResponseEntity<String> createGroup(
            TandemUser caller, @RequestBody(required = false) String body) {
        return one(
                HttpStatus.CREATED,
                provisioning.createGroup(caller.organisationId(), parse(body)),
                "Groups");
    }

    @Operation(summary = "SCIM: replace a group")
    @PutMapping("/Groups/{id}")
    ResponseEntity<String> replaceGroup(
            TandemUser caller,
            @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) String body) {
        return one(
                HttpStatus.OK,
                provisioning.replaceGroup(caller.organisationId(), id, parse(body), ifMatch),
                "Groups");
    }

    @Operation(summary = "SCIM: patch a group (members)")
    @PatchMapping("/Groups/{id}")
    ResponseEntity<String> patchGroup(
            TandemUser caller,
            @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) String body) {
        return one(
                HttpStatus.OK,
                provisioning.patchGroup(caller.organisationId(), id, parse(body), ifMatch),
                "Groups");
    }

    @Operation(summary = "SCIM: delete a group")
    @DeleteMapping("/Groups/{id}")
    ResponseEntity<Void> deleteGroup(
            TandemUser caller,
            @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        provisioning.deleteGroup(caller.organisationId(), id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    private static boolean excludesMembers(String excludedAttributes) {
        if (excludedAttributes == null) {
            return false;
        }
        for (String attribute : excludedAttributes.split(",")) {
            if (attribute.trim().equalsIgnoreCase("members")) {
                return true;
            }
        }
        return false;
    }

    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new ScimException(HttpStatus.BAD_REQUEST, "invalidSyntax", "scim.body.empty");
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            throw new ScimException(HttpStatus.BAD_REQUEST, "invalidSyntax", "scim.body.malformed");
        }
    }

    private static String location(String collection, String id) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/scim/v2/{collection}/{id}")
                .buildAndExpand(collection, id)
                .toUriString();
    }

    private static ResponseEntity<String> one(
            HttpStatus status, ScimResource resource, String collection) {
        String location = location(collection, resource.json().path("id").asString());
        ((ObjectNode) resource.json().get("meta")).put("location", location);
        var builder = ResponseEntity.status(status).contentType(SCIM_JSON).eTag(resource.etag());
        if (status == HttpStatus.CREATED) {
            builder.location(URI.create(location));
        }
        return builder.body(resource.json().toString());
    }

    private static ResponseEntity<String> list(ScimPage page, String collection) {
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        list.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        list.put("totalResults", page.totalResults());
        list.put("startIndex", page.startIndex());
        list.put("itemsPerPage", page.resources().size());
        var resources = list.putArray("Resources");
        for (ObjectNode resource : page.resources()) {
            ((ObjectNode) resource.get("meta"))
                    .put("location", location(collection, resource.path("id").asString()));
            resources.add(resource);
        }
        return ResponseEntity.ok().contentType(SCIM_JSON).body(list.toString());
    }
}
