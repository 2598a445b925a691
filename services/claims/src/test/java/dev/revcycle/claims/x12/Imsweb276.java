package dev.revcycle.claims.x12;

import com.imsweb.x12.reader.X12Reader;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The independent reader (com.imsweb:x12-parser 1.13) over a 005010X212 276. Version 1.13 has no file type for it,
 * but its engine reads whatever {@code TransactionDefinition} a file type names: for the time of one read this lends
 * a file type no test uses ({@link #LENT}, the 4010 837 dental one) our map {@value #MAP} (test resources; written
 * from the jar's 4010 276 map and the 5010 guide) and the version 005010X212 that the reader checks GS08 against,
 * then gives it back its own. Reflection on two fields of the library (FileType._mapping, X12Reader._TYPES): a
 * later version of the library that moves them makes this fail loudly, not read wrongly.
 */
final class Imsweb276 {
    static final String MAP = "x12/imsweb/276.5010.X212.xml";
    static final X12Reader.FileType LENT = X12Reader.FileType.ANSI837_4010_X097;

    private Imsweb276() {
    }

    @SuppressWarnings("unchecked")
    static X12Reader read(String x276) throws Exception {
        synchronized (X12Reader.FileType.class) {
            Field mapping = X12Reader.FileType.class.getDeclaredField("_mapping");
            mapping.setAccessible(true);
            Field typesField = X12Reader.class.getDeclaredField("_TYPES");
            typesField.setAccessible(true);
            Map<X12Reader.FileType, String> types = (Map<X12Reader.FileType, String>) typesField.get(null);
            Object ownMapping = mapping.get(LENT);
            String ownVersion = types.get(LENT);
            mapping.set(LENT, MAP);
            types.put(LENT, "005010X212");
            try {
                return new X12Reader(LENT, new ByteArrayInputStream(x276.getBytes(StandardCharsets.UTF_8)));
            } finally {
                mapping.set(LENT, ownMapping);
                types.put(LENT, ownVersion);
            }
        }
    }
}
