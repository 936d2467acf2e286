using DtcNotify.Teams.Schema;

namespace DtcNotify.Teams.Routing;

/// <summary>
/// What the host implements to react to activities. Registered in DI (scoped: one scope per activity).
/// Messages and updates run in the background after the HTTP request was acknowledged; invokes run inline and their
/// <see cref="InvokeResponse"/> is the HTTP answer.
/// </summary>
public interface IBotHandler
{
    Task OnMessageAsync(Activity activity, CancellationToken cancellationToken);

    Task OnConversationUpdateAsync(Activity activity, CancellationToken cancellationToken);

    Task OnInstallationUpdateAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary>Answers the invoke <paramref name="name"/>; returning null means "not handled" and Teams gets a 501 error body.</summary>
    Task<InvokeResponse?> OnInvokeAsync(string name, Activity activity, CancellationToken cancellationToken);
}

/// <summary>A convenient base: every activity is ignored and every invoke is unhandled until overridden.</summary>
public abstract class BotHandler : IBotHandler
{
    public virtual Task OnMessageAsync(Activity activity, CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual Task OnConversationUpdateAsync(Activity activity, CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual Task OnInstallationUpdateAsync(Activity activity, CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual Task<InvokeResponse?> OnInvokeAsync(string name, Activity activity, CancellationToken cancellationToken) =>
        Task.FromResult<InvokeResponse?>(null);
}
