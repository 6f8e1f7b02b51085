package cn.ulanqab.stats.submission;

import cn.ulanqab.stats.wording.Detail;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds how a submission is encoded: UTF-8 with or without a BOM, else GB18030 (what Excel saves on a
 * Chinese Windows). Decodes the whole file strictly, in a stream, so that no byte is silently replaced.
 */
public final class SubmissionEncoding {

    public static final Charset GB18030 = Charset.forName("GB18030");

    /** The detected encoding, or the reason the file cannot be decoded. */
    public record Detected(String label, Charset charset, boolean bom, Detail problem) {
        public boolean readable() {
            return problem == null;
        }
    }

    private SubmissionEncoding() {
    }

    public static Detected detect(Path file) throws IOException {
        byte[] head = new byte[4096];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 2 && (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE || head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                || looksLikeUtf16WithoutBom(head, n)) {
            return unreadable(Detail.of("encoding.utf16"));
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return unreadable(Detail.of("encoding.zip"));
        }
        boolean bom = n >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF;
        Undecodable utf8Problem = decodes(file, StandardCharsets.UTF_8, bom ? 3 : 0);
        if (utf8Problem == null) {
            return new Detected(bom ? "UTF-8-BOM" : "UTF-8", StandardCharsets.UTF_8, bom, null);
        }
        if (bom) {
            return unreadable(utf8Problem.as("encoding.bom."));
        }
        Undecodable gbProblem = decodes(file, GB18030, 0);
        if (gbProblem == null) {
            return new Detected("GB18030", GB18030, false, null);
        }
        return unreadable(utf8Problem.as("encoding.binary."));
    }

    /** Text in UTF-16 without a byte-order mark: most of the even (or odd) bytes are NUL. */
    private static boolean looksLikeUtf16WithoutBom(byte[] head, int n) {
        if (n < 8) {
            return false;
        }
        int evenNul = 0;
        int oddNul = 0;
        for (int i = 0; i + 1 < n; i += 2) {
            evenNul += head[i] == 0 ? 1 : 0;
            oddNul += head[i + 1] == 0 ? 1 : 0;
        }
        int pairs = n / 2;
        return (evenNul > pairs * 0.6 && oddNul < pairs * 0.1) || (oddNul > pairs * 0.6 && evenNul < pairs * 0.1);
    }

    /** What stops a charset from decoding a file: a byte that is not valid (its number from 1), a NUL, or the end cut. */
    private record Undecodable(String kind, long byteNumber) {
        Detail as(String prefix) {
            return kind.equals("invalid") ? Detail.of(prefix + kind, byteNumber) : Detail.of(prefix + kind);
        }
    }

    private static Detected unreadable(Detail problem) {
        return new Detected(null, null, false, problem);
    }

    /** Null when the whole file decodes cleanly and holds no NUL character, else what is wrong. */
    private static Undecodable decodes(Path file, Charset charset, int skip) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        long offset = skip;
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(skip);
            boolean eof = false;
            while (!eof) {
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (read < 0) {
                    eof = true;
                } else {
                    bytes.position(bytes.position() + read);
                }
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, eof);
                if (result.isError()) {
                    return new Undecodable("invalid", offset + bytes.position() + 1);
                }
                chars.flip();
                while (chars.hasRemaining()) {
                    if (chars.get() == '\0') {
                        return new Undecodable("nul", 0);
                    }
                }
                chars.clear();
                offset += bytes.position();
                bytes.compact();
            }
            CoderResult flush = decoder.flush(chars);
            if (flush.isError()) {
                return new Undecodable("cut", 0);
            }
        } catch (CharacterCodingException e) {
            return new Undecodable("invalid", offset + 1);
        }
        return null;
    }
}
