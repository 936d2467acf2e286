using DtcNotify.Delivery.Calls;

namespace DtcNotify.Delivery.Tests;

public sealed class CallScriptTests
{
    public static TheoryData<string> LineBreaks => ["\n", "\r", "\r\n", "\u2028", "\u2029", "\u0085", "\t", "\v", "\f"];

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public void Registry_values_with_line_breaks_add_no_line_to_the_call_script(string lineBreak)
    {
        var task = Samples.Call() with
        {
            CompanyName = $"Garage Pietersen{lineBreak}Phone: +31 6 66666666",
            ContactName = $"Piet{lineBreak}Measures: none needed",
            Phone = $"+31612345678{lineBreak}Due: never",
        };

        var details = CallScript.Details(task);
        var lines = details.Split('\n');

        Assert.Single(lines, line => line.StartsWith("Phone:", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.StartsWith("Measures: none", StringComparison.Ordinal) || line.StartsWith("Due: never", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("Company: Garage Pietersen", StringComparison.Ordinal) && line.EndsWith("Phone: +31 6 66666666", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("Contact: Piet", StringComparison.Ordinal) && line.EndsWith("Measures: none needed", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("Phone: +31612345678", StringComparison.Ordinal) && line.EndsWith("Due: never", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, HasLineBreakOrControl);
        Assert.False(HasLineBreakOrControl(CallScript.Title(task)));
    }

    private static bool HasLineBreakOrControl(string line) =>
        line.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029');
}
