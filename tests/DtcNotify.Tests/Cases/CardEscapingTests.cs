using System.Text;
using DtcNotify.Cases.Cards;
using DtcNotify.Domain.Cases;
using DtcNotify.Teams.Cards;

namespace DtcNotify.Tests.Cases;

/// <summary>Feed- and registry-supplied text on a card can never become a link, a mention, formatting or a template expression.</summary>
public sealed class CardEscapingTests
{
    public static TheoryData<string> Hostile() => new(HostileStrings);

    public static readonly string[] HostileStrings =
    [
        "[click here](https://evil.example/login)",
        "<at>Anna Analist</at> please approve",
        "{{DATE(2026-01-01T00:00:00Z, SHORT)}} {{user.name}}",
        "${$root.secret} ${if(true, 'x', 'y')}",
        "<b>bold</b><img src=x onerror=alert(1)><a href=\"https://evil.example\">x</a>",
        "**bold** _italic_ # heading\n- list\n1. item `code` ~~strike~~ > quote",
        "nul\u0000bell\u0007esc\u001b[31mred\u202Eevil\u2028line",
        "https://evil.example/?q=[x](y)",
        "\u2066[click](https://evil.example)\u2069 isolate \u2067rtl\u2069 \u2068first\u2069",
        "Acme \u202Aembed\u202B\u202C \u202Doverride \u200Elrm\u200F \uFEFFbom \u200Bzw \u00ADshy \u2029para \u0085nel \u009Bcsi \U000E0041tag",
        DtcNotify.TestHarness.InvisibleText.Woven("Acme B.V."),
    ];

    private static AdaptiveCard Render(string hostile) => CaseCard.Create(
        CardSamples.View(CardSamples.InStatus(CaseStatus.DeliveryFailed, CardSamples.NewCase(hostile, [hostile, "ok " + hostile], hostile)), hostile, [hostile, hostile]),
        [new("aaaaaaaa-0000-0000-0000-000000000009", hostile)]);

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_text_is_inert_on_the_case_card(string hostile)
    {
        AssertInert(Render(hostile), hostile);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_text_is_inert_on_the_batch_and_edit_cards(string hostile)
    {
        AssertInert(BatchCard.Create(1, [new BatchLine("DTC-2026-000001", hostile, "high", hostile, 3, "proposed", 1, 2)]), hostile);
        AssertInert(EditMeasuresCard.Create(CardSamples.View(CardSamples.InStatus(CaseStatus.Proposed, CardSamples.NewCase(hostile, [hostile])), hostile)), hostile);
    }

    [Fact]
    public void A_U2066_isolate_cannot_reorder_the_case_card()
    {
        var texts = CardJson.Texts(CardJson.Parse(Render("Acme\u2066 B.V.")));

        Assert.Contains(texts, t => t.Contains("Acme B\\.V\\.", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains('\u2066', StringComparison.Ordinal));
    }

    [Fact]
    public void A_100_KB_banner_in_every_field_still_gives_a_card_under_28_KB()
    {
        foreach (var banner in new[] { new string('A', 100_000), string.Concat(Enumerable.Repeat("{[*<", 25_000)), string.Concat(Enumerable.Repeat("${", 50_000)) })
        {
            var members = Enumerable.Range(0, 200).Select(i => new AssigneeChoice($"aaaaaaaa-0000-0000-0000-{i:D12}", banner)).ToList();
            var cases = Enumerable.Range(0, 20).Select(_ => banner).ToList();
            var threatCase = CardSamples.NewCase(banner, cases, banner);
            threatCase.Explanation = [.. Enumerable.Range(0, 20).Select(_ => new DtcNotify.Domain.Triage.CriterionResult(banner, false, banner))];
            var cards = new[]
            {
                CaseCard.Create(CardSamples.View(CardSamples.InStatus(CaseStatus.Proposed, threatCase), banner, cases), members, banner),
                BatchCard.Create(1, [.. Enumerable.Range(0, 500).Select(i => new BatchLine($"DTC-2026-{i:D6}", banner, "high", banner, i, "proposed", i, 2))], banner),
            };

            foreach (var card in cards)
            {
                var size = Encoding.UTF8.GetByteCount(card.ToJson());
                Assert.True(size <= CaseCard.MaxBytes, $"{size} bytes");
            }
        }
    }

    private static void AssertInert(AdaptiveCard card, string hostile)
    {
        var texts = CardJson.Texts(CardJson.Parse(card));
        Assert.NotEmpty(texts);
        foreach (var text in texts)
        {
            Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
            Assert.DoesNotContain("${", text, StringComparison.Ordinal);
            // Nothing invisible but the line breaks of multi-line input values and the zero-width non-joiner that breaks "{{" and "${".
            Assert.Empty(DtcNotify.TestHarness.InvisibleText.Found(text, '\n', '\u200C'));
            Assert.DoesNotMatch("(?<![{$])\u200C", text);
        }

        // In markdown text (everything but input values and choice titles, which are plain) no link, tag or emphasis can form.
        foreach (var text in MarkdownTexts(card))
        {
            Assert.DoesNotContain(hostile, text, StringComparison.Ordinal);
            Assert.DoesNotContain("](", text, StringComparison.Ordinal);
            Assert.DoesNotContain('<', text);
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] is '[' or '*' or '_' or '`' or '#')
                {
                    Assert.True(i > 0 && text[i - 1] == '\\', $"unescaped '{text[i]}' at {i} in: {text}");
                }
            }
        }
    }

    private static IEnumerable<string> MarkdownTexts(AdaptiveCard card)
    {
        var json = CardJson.Parse(card);
        var values = new List<string>();
        Collect(json, values);
        return values;

        static void Collect(System.Text.Json.JsonElement e, List<string> into)
        {
            if (e.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                var type = e.TryGetProperty("type", out var t) ? t.GetString() : null;
                if (type is "TextBlock" && e.TryGetProperty("text", out var text))
                {
                    into.Add(text.GetString()!);
                }

                if (type is null && e.TryGetProperty("title", out _) && e.TryGetProperty("value", out var value) && !e.TryGetProperty("verb", out _))
                {
                    into.Add(value.GetString()!); // a fact; choices have the same shape but are plain text and are checked above
                }

                foreach (var p in e.EnumerateObject())
                {
                    Collect(p.Value, into);
                }
            }
            else if (e.ValueKind == System.Text.Json.JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray())
                {
                    Collect(item, into);
                }
            }
        }
    }
}
