using System.Net.Sockets;
using Npgsql;
using SmeZones.Core.Exports;

namespace SmeZones.Web.Infrastructure;

/// <summary>What an unhandled exception means to the user: the status code the error page answers with, and its text.</summary>
public static class PortalErrors
{
    public const string DatabaseUnavailable = "系统暂时无法连接数据库，请稍后再试。";
    public const string PdfUnavailable = "PDF 文件暂时无法生成（生成超时或打印服务繁忙），请稍后再试；也可先使用“打印预览”。";
    public const string PdfBusy = "PDF 生成繁忙，请稍后再试；也可先使用“打印预览”。";

    public static int StatusCodeFor(Exception exception) => exception switch
    {
        _ when IsDatabaseUnreachable(exception) => StatusCodes.Status503ServiceUnavailable,
        _ when Chain(exception).Any(e => e is PdfRenderException) => StatusCodes.Status503ServiceUnavailable,
        BadHttpRequestException bad => bad.StatusCode,
        // The form reader's refusals (over its limits, malformed): the client's request, not our failure.
        InvalidDataException => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The message for a 503, by its cause.</summary>
    public static string UnavailableMessage(Exception? exception)
    {
        var pdf = exception is null ? null : Chain(exception).OfType<PdfRenderException>().FirstOrDefault();
        return pdf switch
        {
            null => DatabaseUnavailable,
            { Busy: true } => PdfBusy,
            _ => PdfUnavailable,
        };
    }

    /// <summary>
    /// Connection-level failures only (refused, reset, timed out, server shutting down or starting, too many
    /// connections): a query error is a bug and stays a 500.
    /// </summary>
    public static bool IsDatabaseUnreachable(Exception exception) => Chain(exception).Any(e => e switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal)
            || pg.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
                or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections,
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException,
        _ => false,
    });

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        while (pending.Count > 0)
        {
            var e = pending.Pop();
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (e.InnerException is not null)
            {
                pending.Push(e.InnerException);
            }
        }
    }
}
