package dev.agenttrace.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend that accepts TCP connections on 127.0.0.1 and never answers: requests are neither read
 * nor responded to, as with a hung server or a black-holing proxy.
 */
public final class SilentServer implements AutoCloseable {
  private final ServerSocket server;
  private final List<Socket> connections = new ArrayList<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private final Thread acceptor;

  private SilentServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::accept, "silent-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A silent server on a free port. */
  public static SilentServer start() throws IOException {
    return new SilentServer();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket connection = server.accept();
        accepted.incrementAndGet();
        synchronized (connections) {
          connections.add(connection);
        }
      } catch (IOException closed) {
        return;
      }
    }
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Connections accepted so far. */
  public int accepted() {
    return accepted.get();
  }

  @Override
  public void close() {
    try {
      server.close();
      synchronized (connections) {
        for (Socket connection : connections) {
          connection.close();
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
