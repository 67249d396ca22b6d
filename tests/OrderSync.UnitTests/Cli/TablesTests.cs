using OrderSync.Cli.Infrastructure;

namespace OrderSync.UnitTests.Cli;

public sealed class TablesTests
{
    [Fact]
    public void Escape_sequences_in_a_cell_are_written_out_and_line_breaks_kept()
    {
        Tables.Printable("\u001b[2J\u001b]0;owned\u0007 ok").ShouldBe("\\u001b[2J\\u001b]0;owned\\u0007 ok");
        Tables.Printable("line one\nline two\tcolumn").ShouldBe("line one\nline two\tcolumn");
        Tables.Printable(null).ShouldBe(string.Empty);
    }
}
