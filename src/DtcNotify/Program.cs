using DtcNotify.Hosting;

return await DtcNotifyProgram.RunAsync(args, CliConsole.System);

/// <summary>Public for <c>WebApplicationFactory&lt;Program&gt;</c> in the integration tests.</summary>
public partial class Program;
