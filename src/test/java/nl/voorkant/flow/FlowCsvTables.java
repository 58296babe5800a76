package nl.voorkant.flow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.voorkant.core.schema.Schema;
import nl.voorkant.flow.tables.*;
import nl.voorkant.core.Table;

/** The flow tables of a report folder read back with their schemas (each cell as its column's type, empty as null). */
public final class FlowCsvTables {
    private FlowCsvTables() {}

    public static Map<String, Table> read(Path tablesDir) throws IOException {
        Map<String, Table> out = new LinkedHashMap<>();
        for (Schema s : FlowSchemas.ALL) {
            Path file = tablesDir.resolve(s.name() + ".csv");
            if (!Files.exists(file)) continue;
            List<String> lines = Files.readAllLines(file);
            if (!List.of(lines.get(0).split(",", -1)).equals(s.columnNames())) {
                throw new IllegalStateException(file + " does not have the columns of its schema");
            }
            List<List<Object>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                List<Object> row = new ArrayList<>();
                String[] values = line.split(",", -1);
                for (int c = 0; c < values.length; c++) row.add(s.columns().get(c).type().parse(values[c]));
                rows.add(row);
            }
            out.put(s.name(), new Table(s.name(), s, rows, null));
        }
        return out;
    }
}
