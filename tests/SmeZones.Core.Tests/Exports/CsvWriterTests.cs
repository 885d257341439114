using System.Text;
using SmeZones.Core.Exports;

namespace SmeZones.Core.Tests.Exports;

public class CsvWriterTests
{
    private static string Decode(byte[] bytes) => Encoding.UTF8.GetString(bytes.AsSpan(3));

    [Fact]
    public void Output_starts_with_a_utf8_byte_order_mark_so_Excel_reads_Chinese()
    {
        var bytes = CsvWriter.ToArray([["集群名称"]]);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("集群名称\r\n", Decode(bytes));
    }

    [Fact]
    public void Fields_with_commas_quotes_or_line_breaks_are_quoted_and_quotes_doubled()
    {
        var bytes = CsvWriter.ToArray([["序号", "名称", "说明"], [1, "甲,乙", "他说\"好\""], [2, "第一行\n第二行", "a\r\nb"]]);

        Assert.Equal(
            "序号,名称,说明\r\n1,\"甲,乙\",\"他说\"\"好\"\"\"\r\n2,\"第一行\n第二行\",\"a\r\nb\"\r\n",
            Decode(bytes));
    }

    [Fact]
    public void Formula_like_text_is_neutralised_but_numbers_are_not()
    {
        var bytes = CsvWriter.ToArray([["=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)", null], [-2, 3.5m, 1e21]]);

        Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+1,'-2,'@SUM(A1),\r\n-2,3.5,1E+21\r\n", Decode(bytes));
    }

    [Fact]
    public void Neutralised_text_with_a_comma_is_still_quoted() =>
        Assert.Equal("\"'=1,2\"", CsvWriter.FormatField("=1,2"));

    [Fact]
    public void Values_that_are_neither_text_nor_numbers_are_refused() =>
        Assert.Throws<ArgumentException>(() => CsvWriter.FormatField(DateTime.Now));

    [Fact]
    public async Task Writing_to_a_stream_gives_the_same_bytes()
    {
        object?[][] rows = [["名称", "数量"], ["余杭区", 12]];
        using var stream = new MemoryStream();

        await CsvWriter.WriteAsync(stream, rows);

        Assert.Equal(CsvWriter.ToArray(rows), stream.ToArray());
    }
}
