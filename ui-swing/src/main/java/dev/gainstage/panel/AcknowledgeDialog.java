package dev.gainstage.panel;

import java.awt.Component;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JTextField;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

/**
 * Asks why a warning or checklist item is fine as it is, naming it in words. The reason is required: the
 * Acknowledge button stays disabled while the field is blank (the sidecar refuses a blank reason as well).
 */
public final class AcknowledgeDialog {
    private AcknowledgeDialog() {}

    /** The reason given, stripped, or null when cancelled. EDT only; modal. */
    public static String ask(Component parent, String what) {
        JTextField reason = new JTextField(32);
        reason.setName("ackReason");
        JLabel hint = new JLabel("A reason is required.");
        hint.setName("ackHint");
        JButton ok = new JButton("Acknowledge");
        ok.setName("ackOk");
        ok.setEnabled(false);
        JButton cancel = new JButton("Cancel");
        cancel.setName("ackCancel");
        JOptionPane pane = new JOptionPane(
                new Object[] {
                    new JLabel("Acknowledge " + what + "?"), new JLabel("Why is it fine as it is?"), reason, hint
                },
                JOptionPane.QUESTION_MESSAGE,
                JOptionPane.DEFAULT_OPTION,
                null,
                new Object[] {ok, cancel},
                ok);
        reason.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                changed();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                changed();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                changed();
            }

            private void changed() {
                boolean given = !reason.getText().isBlank();
                ok.setEnabled(given);
                hint.setText(given ? " " : "A reason is required.");
            }
        });
        ok.addActionListener(e -> pane.setValue(ok));
        cancel.addActionListener(e -> pane.setValue(cancel));
        reason.addActionListener(e -> {
            if (ok.isEnabled()) {
                pane.setValue(ok);
            }
        });
        JDialog dialog = pane.createDialog(parent, "Acknowledge");
        dialog.setName("acknowledgeDialog");
        dialog.addWindowFocusListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowGainedFocus(java.awt.event.WindowEvent e) {
                reason.requestFocusInWindow();
            }
        });
        dialog.setVisible(true);
        dialog.dispose();
        return pane.getValue() == ok ? reason.getText().strip() : null;
    }
}
