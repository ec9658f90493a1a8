package io.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The API tokens page pages its list: revoked tokens stay listed, so an organisation that rotates
 * its tokens collects more rows than one page, and every one of them is reachable page by page.
 */
@TandemIntegrationTest
class TokenPagesIntegrationTests {

    static final Pattern ROW_NAME = Pattern.compile("<tr>\\s*<td>(rotated-[0-9]+)</td>");

    @Autowired MockMvc mvc;
    @Autowired TestOrganisations organisations;
    @Autowired IdentityManagement identity;

    @Test
    void everyTokenIsOnExactlyOnePage() throws Exception {
        TestOrganisation org = organisations.create();
        // 120 tokens issued and revoked, 10 still live, and the organisation's own admin token.
        for (int i = 0; i < 130; i++) {
            IssuedToken token =
                    identity.issueToken(org.id(), "rotated-" + i, Role.EMPLOYEE, "tests");
            if (i < 120) {
                identity.revokeToken(org.id(), token.id());
            }
        }
        RequestPostProcessor admin =
                TestOrganisations.signedIn(org.id(), "ada@tokens.test", Role.ADMIN);

        Set<String> seen = new LinkedHashSet<>();
        List<Integer> perPage = new ArrayList<>();
        String first = null;
        String last = null;
        for (int page = 0; page < 3; page++) {
            String html =
                    mvc.perform(
                                    MockMvcRequestBuilders.get("/admin/tokens")
                                            .param("page", String.valueOf(page))
                                            .with(admin))
                            .andReturn()
                            .getResponse()
                            .getContentAsString(StandardCharsets.UTF_8);
            Matcher rows = ROW_NAME.matcher(html);
            int count = 0;
            while (rows.find()) {
                assertThat(seen.add(rows.group(1)))
                        .as(rows.group(1) + " on one page only")
                        .isTrue();
                count++;
            }
            perPage.add(count);
            if (page == 0) {
                first = html;
            }
            last = html;
        }

        assertThat(seen).hasSize(130);
        assertThat(perPage.stream().mapToInt(Integer::intValue).max().orElseThrow())
                .isLessThanOrEqualTo(50);
        assertThat(first)
                .contains("rotated-129") // live ones first, newest first
                .contains("rel=\"next\"")
                .containsPattern("Showing 1.50 of 131");
        assertThat(last).containsPattern("Showing 101.131 of 131").doesNotContain("rel=\"next\"");
    }
}
