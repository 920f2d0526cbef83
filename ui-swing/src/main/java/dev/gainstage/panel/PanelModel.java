package dev.gainstage.panel;

import dev.gainstage.panel.connection.ConnectionState;
import dev.gainstage.proto.v1.SessionView;

import java.beans.PropertyChangeListener;
import java.beans.PropertyChangeSupport;

/**
 * The panel's state: the latest session view and the connection state. Plain Java with property
 * change events, so views and tests can observe it; changed on the EDT only, by the controller.
 */
public final class PanelModel {
    public static final String VIEW = "view";
    public static final String CONNECTION = "connection";

    private final PropertyChangeSupport changes = new PropertyChangeSupport(this);
    private SessionView view = SessionView.getDefaultInstance();
    private ConnectionState connection = new ConnectionState(ConnectionState.Kind.CONNECTING, "starting");

    public SessionView view() {
        return view;
    }

    public ConnectionState connection() {
        return connection;
    }

    public void setView(SessionView newView) {
        SessionView old = view;
        view = newView;
        changes.firePropertyChange(VIEW, old, newView);
    }

    public void setConnection(ConnectionState newState) {
        ConnectionState old = connection;
        connection = newState;
        changes.firePropertyChange(CONNECTION, old, newState);
    }

    public void addListener(PropertyChangeListener l) {
        changes.addPropertyChangeListener(l);
    }
}
