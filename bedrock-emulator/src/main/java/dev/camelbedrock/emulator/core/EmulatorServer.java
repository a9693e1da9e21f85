package dev.camelbedrock.emulator.core;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http2.CleartextHttp2ServerUpgradeHandler;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2ServerUpgradeCodec;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.util.AsciiString;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The Netty server: one port, HTTP/1.1 and cleartext HTTP/2 (prior knowledge, as the AWS SDKs send it, and
 * the {@code Upgrade: h2c} dance). Every HTTP/2 stream becomes a child channel converted to HTTP objects, so
 * one {@link Dispatcher} serves both protocols.
 */
public final class EmulatorServer implements AutoCloseable {

    /** Bodies up to InvokeModel's 25,000,000 bytes, with room for JSON envelopes. */
    static final int MAX_CONTENT = 32 * 1024 * 1024;

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel serverChannel;
    private final InetSocketAddress address;

    private EmulatorServer(EventLoopGroup boss, EventLoopGroup workers, Channel serverChannel) {
        this.boss = boss;
        this.workers = workers;
        this.serverChannel = serverChannel;
        this.address = (InetSocketAddress) serverChannel.localAddress();
    }

    /** Binds and starts serving; {@code port} 0 picks a free port. */
    public static EmulatorServer start(String host, int port, Router router, EmulatorContext context, int ioThreads)
            throws InterruptedException {
        EventLoopGroup boss = new NioEventLoopGroup(1, new DefaultThreadFactory("bedrock-emulator-accept", true));
        EventLoopGroup workers = new NioEventLoopGroup(ioThreads,
                new DefaultThreadFactory("bedrock-emulator-io", true));
        Dispatcher dispatcher = new Dispatcher(router, context);
        try {
            ServerBootstrap b = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 4096)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ConnectionInitializer(dispatcher, context.stats()));
            Channel ch = b.bind(host, port).sync().channel();
            return new EmulatorServer(boss, workers, ch);
        } catch (InterruptedException | RuntimeException e) {
            boss.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            workers.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        boss.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
        workers.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    /** Per connection: detect the h2c preface; otherwise HTTP/1.1 (with optional Upgrade: h2c). */
    private static final class ConnectionInitializer extends ChannelInitializer<SocketChannel> {
        private final Dispatcher dispatcher;
        private final dev.camelbedrock.emulator.EmulatorStats stats;

        ConnectionInitializer(Dispatcher dispatcher, dev.camelbedrock.emulator.EmulatorStats stats) {
            this.dispatcher = dispatcher;
            this.stats = stats;
        }

        @Override
        protected void initChannel(SocketChannel ch) {
            stats.connectionOpened();
            ch.closeFuture().addListener(f -> stats.connectionClosed());
            HttpServerCodec sourceCodec = new HttpServerCodec();
            HttpServerUpgradeHandler upgradeHandler = new HttpServerUpgradeHandler(sourceCodec, protocol -> {
                if (AsciiString.contentEquals(Http2CodecUtil.HTTP_UPGRADE_PROTOCOL_NAME, protocol)) {
                    return new Http2ServerUpgradeCodec(http2FrameCodec(), new Http2MultiplexHandler(
                            new StreamInitializer(dispatcher), new StreamInitializer(dispatcher)));
                }
                return null;
            }, MAX_CONTENT);
            ChannelInitializer<Channel> priorKnowledge = new ChannelInitializer<>() {
                @Override
                protected void initChannel(Channel c) {
                    ChannelPipeline p = c.pipeline();
                    removeHttp1(p);
                    p.addLast(http2FrameCodec(), new Http2MultiplexHandler(new StreamInitializer(dispatcher)));
                }
            };
            ChannelPipeline p = ch.pipeline();
            p.addLast("h2c", new CleartextHttp2ServerUpgradeHandler(sourceCodec, upgradeHandler, priorKnowledge));
            p.addLast("h1-keepalive", new HttpServerKeepAliveHandler());
            p.addLast("h1-aggregator", new HttpObjectAggregator(MAX_CONTENT));
            p.addLast("h1-dispatcher", dispatcher);
            p.addLast("h1-upgraded", new ChannelInboundHandlerAdapter() {
                @Override
                public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
                    if (evt instanceof HttpServerUpgradeHandler.UpgradeEvent) {
                        removeHttp1(ctx.pipeline());
                        ctx.pipeline().remove(this);
                    }
                    super.userEventTriggered(ctx, evt);
                }
            });
        }

        private static void removeHttp1(ChannelPipeline p) {
            for (String name : new String[] {"h1-keepalive", "h1-aggregator", "h1-dispatcher"}) {
                if (p.get(name) != null) {
                    p.remove(name);
                }
            }
        }

        private static io.netty.handler.codec.http2.Http2FrameCodec http2FrameCodec() {
            return Http2FrameCodecBuilder.forServer()
                    .initialSettings(Http2Settings.defaultSettings().maxConcurrentStreams(10_000))
                    .validateHeaders(false)
                    .build();
        }
    }

    /** One HTTP/2 stream: frames to HTTP objects, aggregated, then the dispatcher. */
    private static final class StreamInitializer extends ChannelInitializer<Channel> {
        private final Dispatcher dispatcher;

        StreamInitializer(Dispatcher dispatcher) {
            this.dispatcher = dispatcher;
        }

        @Override
        protected void initChannel(Channel ch) {
            ch.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(true, false),
                    new HttpObjectAggregator(MAX_CONTENT), dispatcher);
        }
    }
}
