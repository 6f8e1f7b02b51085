package cn.ulanqab.stats.database;

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
    public static final class DamagedRecord extends RuntimeException {
        public DamagedRecord(String message) {
            super(message);
        }
    }

    /** @param stored the record's stored checksum, or null for a record stored before checksums were kept */
    public static void check(Long stored, String what, Object... fields) {
        if (stored != null && stored != of(fields)) {
            throw damaged(what);
        }
    }

    /** The failure for a damaged record, named by {@code what} (e.g. "the stored record of run 3, file 150902.csv"). */
    public static DamagedRecord damaged(String what) {
        return new DamagedRecord(what + " is damaged: its checksum (CRC32C) does not match what it holds, so it was not"
                + " counted. Fix: restore the database from a copy, or start a fresh database with"
                + " --spring.datasource.url=jdbc:h2:file:<new file> or another --output, and start again");
    }
}
