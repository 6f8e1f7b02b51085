package cn.ulanqab.stats.submission;

import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.report.Wording;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SubmissionEncodingTest {

    private static final String TEXT = "区划代码,指标代码,统计期,数值,计量单位,备注\r\n150921,MEAT_OUTPUT,2023,12.6,万吨,卓资县肉类产量\r\n";

    @TempDir
    Path dir;

    private Path write(byte[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        Path file = dir.resolve("150921.csv");
        Files.write(file, out.toByteArray());
        return file;
    }

    private static byte[] bytes(String s, Charset cs) {
        return s.getBytes(cs);
    }

    @Test
    void detectsUtf8WithoutBom() throws IOException {
        SubmissionEncoding.Detected d = SubmissionEncoding.detect(write(bytes(TEXT, StandardCharsets.UTF_8)));
        assertThat(d.readable()).isTrue();
        assertThat(d.label()).isEqualTo("UTF-8");
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(d.bom()).isFalse();
    }

    @Test
    void detectsUtf8WithBom() throws IOException {
        SubmissionEncoding.Detected d = SubmissionEncoding.detect(
                write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes(TEXT, StandardCharsets.UTF_8)));
        assertThat(d.readable()).isTrue();
        assertThat(d.label()).isEqualTo("UTF-8-BOM");
        assertThat(d.bom()).isTrue();
    }

    @Test
    void detectsPlainAsciiAsUtf8() throws IOException {
        SubmissionEncoding.Detected d = SubmissionEncoding.detect(write(bytes("county_code,indicator_code,period,value\n", StandardCharsets.US_ASCII)));
        assertThat(d.label()).isEqualTo("UTF-8");
    }

    @Test
    void detectsGb18030ChineseText() throws IOException {
        Path file = write(bytes(TEXT, Charset.forName("GB18030")));
        SubmissionEncoding.Detected d = SubmissionEncoding.detect(file);
        assertThat(d.readable()).isTrue();
        assertThat(d.label()).isEqualTo("GB18030");
        assertThat(d.bom()).isFalse();
        assertThat(Files.readString(file, d.charset())).isEqualTo(TEXT);
    }

    @Test
    void detectsGbkBytesAsGb18030() throws IOException {
        SubmissionEncoding.Detected d = SubmissionEncoding.detect(write(bytes(TEXT, Charset.forName("GBK"))));
        assertThat(d.label()).isEqualTo("GB18030");
    }

    @Test
    void detectsEmptyFileAsUtf8() throws IOException {
        assertThat(SubmissionEncoding.detect(write()).readable()).isTrue();
    }

    @Test
    void rejectsUtf16LittleEndianWithBom() throws IOException {
        SubmissionEncoding.Detected d = SubmissionEncoding.detect(write(bytes("\uFEFF" + TEXT, StandardCharsets.UTF_16LE)));
        assertThat(d.readable()).isFalse();
        assertThat(en(d.problem())).contains("UTF-16");
        assertThat(d.charset()).isNull();
    }

    @Test
    void rejectsUtf16BigEndianWithBom() throws IOException {
        SubmissionEncoding.Detected d = SubmissionEncoding.detect(write(bytes("\uFEFF" + TEXT, StandardCharsets.UTF_16BE)));
        assertThat(d.readable()).isFalse();
        assertThat(en(d.problem())).contains("UTF-16");
    }

    @Test
    void rejectsBytesInvalidInBothEncodings() throws IOException {
        // 0xFF is never valid in UTF-8, and 0x80 / 0xFF are not valid GB18030 lead bytes
        SubmissionEncoding.Detected d = SubmissionEncoding.detect(
                write(bytes("county_code,indicator_code,period,value\n", StandardCharsets.US_ASCII), new byte[]{(byte) 0x80, (byte) 0xFF, '\n'}));
        assertThat(d.readable()).isFalse();
        assertThat(en(d.problem())).contains("neither UTF-8 nor GB18030");
    }

    @Test
    void rejectsNulBytes() throws IOException {
        SubmissionEncoding.Detected d = SubmissionEncoding.detect(
                write(bytes("county_code,indicator_code,period,value\n150921,", StandardCharsets.US_ASCII), new byte[]{0, 0, 0, '\n'}));
        assertThat(d.readable()).isFalse();
        assertThat(en(d.problem())).contains("NUL");
    }

    @Test
    void rejectsBomFollowedByInvalidUtf8() throws IOException {
        SubmissionEncoding.Detected d = SubmissionEncoding.detect(
                write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes(TEXT, Charset.forName("GB18030"))));
        assertThat(d.readable()).isFalse();
        assertThat(en(d.problem())).contains("byte-order mark");
    }

    @Test
    void rejectsFileEndingInsideAUtf8Character() throws IOException {
        byte[] text = bytes("county_code,indicator_code,period,value\n150921,卓", StandardCharsets.UTF_8);
        byte[] cut = Arrays.copyOf(text, text.length - 1);
        SubmissionEncoding.Detected d = SubmissionEncoding.detect(
                write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, cut));
        assertThat(d.readable()).isFalse();
    }

    @Test
    void detectsLargeUtf8FileSpanningManyBuffers() throws IOException {
        StringBuilder sb = new StringBuilder("county_code,indicator_code,period,value,unit,remark\n");
        while (sb.length() < 300_000) {
            sb.append("150921,MEAT_OUTPUT,2023,12.6,万吨,卓资县肉类产量\n");
        }
        assertThat(SubmissionEncoding.detect(write(bytes(sb.toString(), StandardCharsets.UTF_8))).label()).isEqualTo("UTF-8");
        assertThat(SubmissionEncoding.detect(write(bytes(sb.toString(), Charset.forName("GB18030")))).label()).isEqualTo("GB18030");
    }

    /** What a check found, in the English bundle's words. */
    private static String en(Detail detail) {
        return Wording.of("en").detail(detail);
    }
}
