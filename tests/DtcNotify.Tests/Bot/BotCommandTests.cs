using DtcNotify.Bot;
using DtcNotify.Bot.Cards;
using DtcNotify.Cases;

namespace DtcNotify.Tests.Bot;

public sealed class BotCommandTests
{
    [Theory]
    [InlineData("help", "help", "")]
    [InlineData("LOOKUP Bakkerij Korst B.V.", "lookup", "Bakkerij Korst B.V.")]
    [InlineData("  cases\u00A0 mine ", "cases", "mine")]
    [InlineData("digest", "digest", "")]
    [InlineData("stats", "stats", "")]
    [InlineData("", "", "")]
    public void A_command_is_its_first_word_lower_cased_and_the_rest(string text, string name, string argument)
    {
        Assert.Equal(new BotCommand(name, argument), BotCommand.Parse(text));
    }

    [Theory]
    [InlineData("", "Open")]
    [InlineData("open", "Open")]
    [InlineData("Mine", "Mine")]
    [InlineData("unassigned", "Unassigned")]
    [InlineData("awaiting", "Awaiting")]
    public void Cases_filters_are_parsed(string argument, string expected)
    {
        Assert.Equal(expected, CaseListQuery.Parse(argument)?.ToString());
    }

    [Theory]
    [InlineData("closed")]
    [InlineData("mine please")]
    public void An_unknown_cases_filter_is_not_guessed(string argument)
    {
        Assert.Null(CaseListQuery.Parse(argument));
    }

    [Fact]
    public void The_help_card_names_every_command_in_both_languages()
    {
        var dutch = HelpCard.Create().ToJson();
        var english = HelpCard.Create(texts: DtcNotify.Resources.AnalystTexts.English).ToJson();

        foreach (var command in new[] { "help", "lookup", "case ", "cases [open, mine, unassigned, awaiting]", "digest", "stats" })
        {
            Assert.Contains(command, dutch, StringComparison.Ordinal);
            Assert.Contains(command, english, StringComparison.Ordinal);
        }

        Assert.Contains("case NUMMER", dutch, StringComparison.Ordinal);
        Assert.Contains("case ID", english, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-01-01", "2026-W01")]
    [InlineData("2026-12-31", "2026-W53")]
    [InlineData("2027-01-03", "2026-W53")] // ISO year differs from the calendar year
    [InlineData("2026-11-27", "2026-W48")]
    public void Weeks_are_iso_weeks(string day, string expected)
    {
        Assert.Equal(expected, CaseStatistics.WeekKey(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
