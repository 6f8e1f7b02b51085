package cn.ulanqab.stats.database;

import cn.ulanqab.stats.wording.Bundles;
import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.wording.WordedException;

import java.util.Locale;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The CRC32C of a stored record's fields, written with the record and checked when it is read: a record changed on
 * disk (a flipped bit, a digit edited by hand) stops the run instead of being counted. Against damage, not tampering:
 * whoever can edit the database can also write a matching checksum.
 */
public final class RecordChecksum {

    private RecordChecksum() {
    }

    /** Over the fields in order, each with its length (or a mark for null), so that no two field lists share a text. */
    public static long of(Object... fields) {
        CRC32C crc = new CRC32C();
        for (Object field : fields) {
            byte[] bytes = field == null ? null : field instanceof byte[] b ? b : field.toString().getBytes(StandardCharsets.UTF_8);
            crc.update(ByteBuffer.allocate(4).putInt(bytes == null ? -1 : bytes.length).array());
            if (bytes != null) {
                crc.update(bytes);
            }
        }
        return crc.getValue();
    }

    /**
     * A record whose checksum is not that of its fields. Records stored before checksums were kept (a database of
     * release 0.1.0) have none and are read as they are.
     */
    public static final class DamagedRecord extends WordedException {
        private final Detail record;
        private final String table;

        DamagedRecord(Detail record, String table) {
            super("", 0, Detail.NONE, Detail.of("fix.record.damaged"), null);
            this.record = record;
            this.table = table;
        }

        @Override
        public String worded(Locale locale) {
            return Bundles.text(locale, "config.with.fix", Bundles.text(locale, "operator.record.damaged", Bundles.text(locale, record), table),
                    Bundles.text(locale, fix()));
        }
    }

    /** @param stored the record's stored checksum, or null for a record stored before checksums were kept */
    public static void check(Long stored, Detail record, String table, Object... fields) {
        if (stored != null && stored != of(fields)) {
            throw new DamagedRecord(record, table);
        }
    }
}
