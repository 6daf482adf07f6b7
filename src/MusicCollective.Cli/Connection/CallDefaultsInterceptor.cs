using Grpc.Core;
using Grpc.Core.Interceptors;

namespace MusicCollective.Cli.Connection;

/// <summary>
/// Adds to every call what every call needs: the bearer token, a deadline, and the command's cancellation
/// (Ctrl+C), so the commands themselves call the generated clients plainly.
/// </summary>
internal sealed class CallDefaultsInterceptor(string? token, TimeSpan timeout, CancellationToken cancellationToken)
    : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithDefaults(context));

    private ClientInterceptorContext<TRequest, TResponse> WithDefaults<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class
        where TResponse : class
    {
        var options = context.Options;
        if (token is not null)
        {
            var headers = options.Headers ?? [];
            headers.Add("authorization", $"Bearer {token}");
            options = options.WithHeaders(headers);
        }

        if (options.Deadline is null)
        {
            options = options.WithDeadline(DateTime.UtcNow.Add(timeout));
        }

        if (!options.CancellationToken.CanBeCanceled)
        {
            options = options.WithCancellationToken(cancellationToken);
        }

        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, options);
    }
}
