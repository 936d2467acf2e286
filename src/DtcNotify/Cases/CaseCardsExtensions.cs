using DtcNotify.Audit;
using DtcNotify.Cases.Actions;
using DtcNotify.Cases.Cards;
using DtcNotify.Cases.Posting;

namespace DtcNotify.Cases;

internal static class CaseCardsExtensions
{
    /// <summary>Case cards in the specialists' channel: the poster, the card actions and <see cref="CaseCardUpdater"/>.</summary>
    public static IServiceCollection AddCaseCards(this IServiceCollection services)
    {
        services.AddScoped<CaseCardLoader>();
        services.AddScoped<CaseCardRenderer>();
        services.AddScoped<CaseCardUpdater>();
        services.AddScoped<Delivery.ICaseChannelNotifier>(sp => sp.GetRequiredService<CaseCardUpdater>());
        services.AddScoped<CaseActionHandler>();
        services.AddScoped<CaseActionServices>();
        services.AddDeferredAudit();
        services.AddScoped<UncertainPosting>();
        services.AddSingleton<CardUpdateQueue>();
        services.AddHostedService<CardUpdateWorker>();
        services.AddHostedService<CasePoster>();
        return services;
    }
}
