using DtcNotify.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DtcNotify.Telemetry;

/// <summary>
/// OpenTelemetry traces and metrics over OTLP, on only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; the exporter
/// reads the other standard <c>OTEL_*</c> variables itself (protocol, headers, timeout, export interval, resource).
/// </summary>
internal static class TelemetryHostingExtensions
{
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddDtcNotifyTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration[EndpointKey]))
        {
            return services;
        }

        var graphHost = Uri.TryCreate(configuration.GetSection("Graph").Get<GraphOptions>()?.BaseUrl ?? new GraphOptions().BaseUrl, UriKind.Absolute, out var graph) ? graph.Host : "";
        services.AddHostedService(_ => new ThrottleCounter(graphHost));
        services.AddHostedService<OutboxDepthGauge>();
        services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                if (string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"]))
                {
                    resource.AddService("dtcnotify");
                }
            })
            .WithTracing(tracing => tracing
                .AddSource(DtcNotifyTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation(http => http.EnrichWithHttpRequestMessage = (activity, request) => activity.SetTag("url.full", TelemetryUrls.Redact(request.RequestUri)))
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddMeter(DtcNotifyTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddOtlpExporter());
        return services;
    }
}
