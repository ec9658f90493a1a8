package io.tandem.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every cell a spreadsheet would run as a formula comes back as text. */
class ReportCsvTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "=1+1",
                "=HYPERLINK(\"http://evil.example\",\"click\")",
                "=cmd|' /C calc'!A0",
                "+1+1",
                "+cmd|' /C calc'!A0",
                "-2+3",
                "-cmd|' /C calc'!A0",
                "@SUM(A1:A9)",
                "\t=1+1",
                "\r=1+1",
                "=",
                "+",
                "-",
                "@",
                "=\"multi\nline\"",
                "==1"
            })
    void dangerousCellsAreNeutralisedAndSurviveTheRoundTrip(String cell) throws Exception {
        StringWriter out = new StringWriter();
        ReportCsv.write(out, List.of("name", "count"), List.of(List.of(cell, 3)));
        List<CSVRecord> records =
                CSVFormat.DEFAULT.parse(new StringReader(out.toString())).getRecords();
        assertThat(records).hasSize(2);
        assertThat(records.get(1).get(0)).isEqualTo("'" + cell);
        assertThat(records.get(1).get(1)).isEqualTo("3");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"Berlin", "Ana = Bob", "1+1", " =1", "Research & Development", "'quoted"})
    void harmlessCellsAreLeftAlone(String cell) {
        assertThat(ReportCsv.neutralise(cell)).isEqualTo(cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1", "-1", "@x"})
    void headersAreNeutralisedToo(String header) throws Exception {
        StringWriter out = new StringWriter();
        ReportCsv.write(out, List.of(header), List.of());
        assertThat(out.toString()).startsWith("'" + header);
    }
}
