using System.Reflection;
using DtcNotify.Options;
using DtcNotify.Shadowserver;
using DtcNotify.Teams.Hosting;
using DtcNotify.TestHarness;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DtcNotify.IntegrationTests.Hosting;

public class ConfigurationTemplateTests
{
    private static readonly string[] SecretKeys = ["Bot:AppPassword", "Mail:Smtp:Password", "Graph:ClientSecret", "Shadowserver:ApiSecret", "Mail:Inbox:Imap:Password"];

    private static readonly (string Section, Type Options)[] Sections =
    [
        ("Database", typeof(DatabaseOptions)), ("Teams", typeof(TeamsOptions)), ("Mail", typeof(MailOptions)),
        ("Graph", typeof(GraphOptions)), ("CallTasks", typeof(CallTasksOptions)), ("Digest", typeof(DigestOptions)),
        ("Triage", typeof(TriageOptions)), ("Feeds", typeof(FeedsOptions)), ("Bot", typeof(BotOptions)),
        ("Retention", typeof(RetentionOptions)),
        ("Remediation", typeof(RemediationOptions)),
        ("Shadowserver", typeof(DtcNotify.Shadowserver.ShadowserverOptions)),
    ];

    private static IConfigurationRoot Template(params (string Key, string? Value)[] overrides) => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(Prerequisite.Repository, "appsettings.template.json"))
        .AddInMemoryCollection(overrides.Select(o => new KeyValuePair<string, string?>(o.Key, o.Value)))
        .Build();

    // Secrets never stand in the template; an operator supplies them from the environment or a secret store.
    private static readonly (string, string?)[] SecretsFromEnvironment = [("Bot:AppPassword", "from-a-secret-store")];

    private static ServiceProvider Services(IConfiguration configuration) =>
        new ServiceCollection().AddLogging().AddDtcNotifyOptions(configuration).AddTeamsBot(configuration).AddShadowserver(configuration).BuildServiceProvider();

    [Fact]
    public void The_template_binds_and_validates_with_every_options_class()
    {
        using var services = Services(Template(SecretsFromEnvironment));

        services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void Without_its_secret_the_bot_does_not_start_and_says_which_key()
    {
        using var services = Services(Template());

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Bot:AppPassword", ex.Message);
    }

    [Fact]
    public void Every_template_key_belongs_to_an_options_property()
    {
        var template = Template();
        foreach (var (section, type) in Sections)
        {
            // Unknown keys throw here, so a key the code no longer reads cannot linger in the template.
            template.GetSection(section).Get(type, o => o.ErrorOnUnknownConfiguration = true);
        }

        template.GetSection("Sources").Get<Dictionary<string, SourceOptions>>(o => o.ErrorOnUnknownConfiguration = true);
    }

    [Fact]
    public void Every_options_property_is_in_the_template()
    {
        var template = Template();
        var missing = Sections.SelectMany(s => Keys(s.Section, s.Options)).Where(k => !template.GetSection(k).Exists() && template[k] is null)
            .Where(k => k != "Database:ConnectionString");
        Assert.Empty(missing);
        Assert.NotNull(template["ConnectionStrings:DtcNotify"]);
    }

    [Fact]
    public void Secrets_are_empty_in_the_template() =>
        Assert.All(SecretKeys, key => Assert.Equal("", Template()[key]));

    [Theory]
    [InlineData("Mail:Transport", "Smtp", "Mail:Smtp:Host")]
    [InlineData("Mail:Transport", "Graph", "Graph:ClientSecret")]
    [InlineData("CallTasks:Provider", "Planner", "CallTasks:PlanId")]
    [InlineData("Mail:ContactFormUrl", "http://dtc.example/contact", "Mail:ContactFormUrl")]
    [InlineData("Graph:TimeoutSeconds", "0", "Graph:TimeoutSeconds")]
    [InlineData("Graph:TimeoutSeconds", "121", "Graph:TimeoutSeconds")]
    [InlineData("Digest:Cron", "every morning", "Digest:Cron")]
    [InlineData("Digest:TimeZone", "Mars/Olympus", "Digest:TimeZone")]
    [InlineData("Triage:MaxObservationAgeDays", "0", "Triage:MaxObservationAgeDays")]
    [InlineData("Teams:Analysts:0", "not-a-guid", "Teams:Analysts")]
    [InlineData("Remediation:ResolveAfterReports", "0", "Remediation:ResolveAfterReports")]
    [InlineData("Remediation:FollowUpAfterDays", "0", "Remediation:FollowUpAfterDays")]
    [InlineData("Remediation:MaxFollowUps", "-1", "Remediation:MaxFollowUps")]
    [InlineData("Teams:ServiceUrl", "http://smba.example.com", "Teams:ServiceUrl")]
    [InlineData("Sources:lds-shadowserver:ApiKeySha256", "plain-text-key", "Sources:lds-shadowserver:ApiKeySha256")]
    [InlineData("Sources:lds-shadowserver:Tlp", "amber", "Sources:lds-shadowserver:Tlp")]
    [InlineData("Retention:ObservationDays", "0", "Retention:ObservationDays")]
    [InlineData("Retention:ClosedCaseDays", "-1", "Retention:ClosedCaseDays")]
    [InlineData("ConnectionStrings:DtcNotify", "", "ConnectionStrings:DtcNotify")]
    [InlineData("Bot:AppId", "", "Bot:AppId")]
    [InlineData("Mail:Inbox:Transport", "Pop3", "Mail:Inbox:Transport")]
    [InlineData("Mail:Inbox:PollSeconds", "0", "Mail:Inbox:PollSeconds")]
    [InlineData("Mail:Inbox:MaxMessageBytes", "10", "Mail:Inbox:MaxMessageBytes")]
    [InlineData("Mail:Inbox:Transport", "Imap", "Mail:Inbox:Imap:Host")]
    public void A_bad_value_stops_start_up_with_a_message_naming_the_key(string key, string value, string named)
    {
        using var services = Services(Template([.. SecretsFromEnvironment, (key, value)]));

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(named, ex.Message);
    }

    private static IEnumerable<string> Keys(string prefix, Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).SelectMany(p =>
            p.PropertyType.IsClass && p.PropertyType != typeof(string) && !p.PropertyType.IsGenericType
                ? Keys($"{prefix}:{p.Name}", p.PropertyType)
                : [$"{prefix}:{p.Name}"]);
}
