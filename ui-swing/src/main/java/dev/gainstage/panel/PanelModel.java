package dev.gainstage.panel;

import dev.gainstage.panel.connection.ConnectionState;
import dev.gainstage.proto.v1.SessionHistoryView;
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
    public static final String SELECTION = "selection";
    public static final String MESSAGE = "message";
    public static final String HISTORY = "history";

    /** What the user selected: a strip, and optionally one of its stages. */
    public record Selection(String stripId, String stageId) {
        public static final Selection NONE = new Selection("", "");
    }

    private final PropertyChangeSupport changes = new PropertyChangeSupport(this);
    private SessionView view = SessionView.getDefaultInstance();
    private ConnectionState connection = new ConnectionState(ConnectionState.Kind.CONNECTING, "starting");
    private Selection selection = Selection.NONE;
    private String message = "";
    private SessionHistoryView history = SessionHistoryView.getDefaultInstance();

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

    public Selection selection() {
        return selection;
    }

    public void select(Selection newSelection) {
        Selection old = selection;
        selection = newSelection;
        changes.firePropertyChange(SELECTION, old, newSelection);
    }

    /** Selects the strip that holds a stage, and the stage. */
    public void selectStage(String stageId) {
        for (var row : view.getRowsList()) {
            for (var stage : row.getStagesList()) {
                if (stage.getStageId().equals(stageId)) {
                    select(new Selection(row.getStripId(), stageId));
                    return;
                }
            }
        }
    }

    public String message() {
        return message;
    }

    /** The outcome of the user's last action, shown in the status bar. */
    public void setMessage(String newMessage) {
        String old = message;
        message = newMessage;
        changes.firePropertyChange(MESSAGE, old, newMessage);
    }

    /** The session's history of warnings on the DAW's timeline, as last fetched. */
    public SessionHistoryView history() {
        return history;
    }

    public void setHistory(SessionHistoryView newHistory) {
        SessionHistoryView old = history;
        history = newHistory;
        changes.firePropertyChange(HISTORY, old, newHistory);
    }

    public void addListener(PropertyChangeListener l) {
        changes.addPropertyChangeListener(l);
    }
}
