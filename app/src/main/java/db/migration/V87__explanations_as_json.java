package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rewrites each proposal's explanation from the delimited text it was stored as ({@code
 * criterion:weight:value:contribution|…}) into a JSON array of objects with those four fields, so
 * that readers parse one documented format. Runs the same on H2 and PostgreSQL; self contained, so
 * later changes to the application cannot change what it does.
 */
public class V87__explanations_as_json extends BaseJavaMigration {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        List<Object[]> rewrites = new ArrayList<>();
        try (PreparedStatement select =
                        connection.prepareStatement(
                                "select run_id, mentee_id, explanation from match_proposal");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                rewrites.add(
                        new Object[] {json(rs.getString(3)), rs.getObject(1), rs.getObject(2)});
            }
        }
        try (PreparedStatement update =
                connection.prepareStatement(
                        "update match_proposal set explanation = ? where run_id = ? and mentee_id = ?")) {
            int batched = 0;
            for (Object[] row : rewrites) {
                update.setString(1, (String) row[0]);
                update.setObject(2, row[1]);
                update.setObject(3, row[2]);
                update.addBatch();
                if (++batched % 1000 == 0) {
                    update.executeBatch();
                }
            }
            update.executeBatch();
        }
    }

    static String json(String delimited) {
        ArrayNode array = JSON.createArrayNode();
        if (delimited != null && !delimited.isEmpty() && !delimited.startsWith("[")) {
            for (String part : delimited.split("\\|")) {
                String[] f = part.split(":");
                ObjectNode c = array.addObject();
                c.put("criterion", f[0]);
                c.put("weight", Integer.parseInt(f[1]));
                c.put("value", Double.parseDouble(f[2]));
                c.put("contribution", Integer.parseInt(f[3]));
            }
        } else if (delimited != null && delimited.startsWith("[")) {
            return delimited;
        }
        return JSON.writeValueAsString(array);
    }
}
