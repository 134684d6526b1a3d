package id.lindungdesa.ui.form;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * The one layout of every dialog: the form scrolls, messages (errors, warnings, a confirmation step) sit in an
 * area of bounded height above the buttons, and the buttons are a bar fixed at the bottom. The window is sized
 * once, when it opens, to fit its screen (and never more than {@link #limit()}, the smallest screen the desk is
 * made for, 1366×768); it does not change size afterwards, so a message or an optional section appearing never
 * moves a button or pushes it off the screen.
 *
 * <p>Dialogs keep building their content as before (a box with the form, its general error label, a row of
 * buttons); the scaffold takes the row holding the save/cancel buttons out into the bar, and the nodes marked
 * with {@link Forms#message} (and general error labels directly in the content) into the message area.
 */
public final class DialogScaffold {
    static final String MESSAGE = "form-message";
    static final String ROOM_FOR = "dialog.roomFor";
    /** Height of the message area before it scrolls. */
    public static final double MESSAGE_MAX_HEIGHT = 200;
    /** Room kept free for a one-line message, so a short error takes no room from the form. */
    static final double MESSAGE_RESERVE = 40;
    /** Room taken by the window's title bar and a task bar, which the visual bounds do not always exclude. */
    static final double DECORATION = 40;
    /** System property narrowing the screen the dialogs fit ("1366x768"): tests use it on a larger display. */
    public static final String SCREEN_PROPERTY = "lindungdesa.ui.screen";

    private final Parent content;
    private final VBox root;
    private final ScrollPane body;
    private final VBox messages = new VBox(6);
    private final ScrollPane messageArea;
    private final HBox bar;
    private final List<Node> marked = new ArrayList<>();

    DialogScaffold(Parent content, Button save, Button cancel) {
        this.content = content;
        this.bar = takeButtonBar(content, save, cancel);
        body = new ScrollPane(content);
        body.setFitToWidth(true);
        body.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        body.getStyleClass().add("dialog-content");
        body.setId("dialogContent");
        VBox.setVgrow(body, Priority.ALWAYS);
        messages.setPadding(new Insets(6, 0, 6, 0));
        messageArea = new ScrollPane(messages) {
            @Override
            protected double computePrefHeight(double width) {
                return Math.min(MESSAGE_MAX_HEIGHT, super.computePrefHeight(width));
            }
        };
        messageArea.setId("dialogMessages");
        messageArea.setFitToWidth(true);
        messageArea.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        messageArea.getStyleClass().add("dialog-messages");
        messageArea.setMinHeight(Region.USE_PREF_SIZE);
        messageArea.setMaxHeight(MESSAGE_MAX_HEIGHT);
        messageArea.setVisible(false);
        messageArea.setManaged(false);
        bar.getStyleClass().add("dialog-buttons");
        bar.setId("dialogButtons");
        bar.setMinHeight(Region.USE_PREF_SIZE);
        root = new VBox(body, messageArea, bar);
    }

    Parent root() {
        return root;
    }

    /** Sizes {@code st} when it opens and keeps it on its screen. */
    void attach(Stage st) {
        st.addEventHandler(WindowEvent.WINDOW_SHOWING, e -> {
            Forms.placeholders(content);
            collectMessages();
            size(st);
        });
        st.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> keepOnScreen(st));
        // What gets the focus (Tab, a confirmation step) is scrolled into view.
        st.getScene().focusOwnerProperty().addListener((o, a, b) -> {
            if (b != null) reveal(b);
        });
    }

    /** The row of buttons: the box holding {@code cancel} (or {@code save}), or a new one. */
    private static HBox takeButtonBar(Parent content, Button save, Button cancel) {
        Button anchor = cancel != null ? cancel : save;
        Parent p = anchor.getParent();
        if (p instanceof HBox h && h != content && h.getParent() instanceof Pane holder) {
            int at = holder.getChildren().indexOf(h);
            holder.getChildren().remove(h);
            // A keyboard hint just above the buttons goes with them.
            if (at > 0 && holder.getChildren().get(at - 1).getStyleClass().contains("hint")) {
                Node hint = holder.getChildren().remove(at - 1);
                Region gap = new Region();
                HBox.setHgrow(gap, Priority.ALWAYS);
                h.getChildren().addAll(0, List.of(hint, gap));
            }
            h.setAlignment(Pos.CENTER_RIGHT);
            return h;
        }
        HBox h = new HBox(8);
        h.setAlignment(Pos.CENTER_RIGHT);
        for (Button b : new Button[] {save, cancel}) {
            if (b == null) continue;
            if (b.getParent() instanceof Pane holder) holder.getChildren().remove(b);
            h.getChildren().add(b);
        }
        return h;
    }

    /** Moves the marked messages, and general error labels directly in the content, into the message area. */
    private void collectMessages() {
        List<Node> found = new ArrayList<>();
        find(content, found, true);
        for (Node n : found) {
            if (n.getParent() instanceof Pane holder) holder.getChildren().remove(n);
            else continue;
            messages.getChildren().add(n);
            marked.add(n);
            InvalidationListener l = o -> updateMessageArea();
            n.visibleProperty().addListener(l);
            n.managedProperty().addListener(l);
        }
        updateMessageArea();
    }

    private static void find(Node n, List<Node> out, boolean top) {
        if (n.getStyleClass().contains(MESSAGE)) {
            out.add(n);
            return;
        }
        if (n instanceof TabPane tabs) {
            tabs.getTabs().forEach(t -> {
                if (t.getContent() != null) find(t.getContent(), out, false);
            });
            return;
        }
        if (n instanceof Parent p) {
            for (Node c : List.copyOf(p.getChildrenUnmodifiable())) {
                // A general error label: an error label that is a direct child of the dialog's content.
                if (top && c.getStyleClass().contains("error") && c instanceof javafx.scene.control.Label) {
                    out.add(c);
                } else {
                    find(c, out, false);
                }
            }
        }
    }

    private void updateMessageArea() {
        boolean any = marked.stream().anyMatch(n -> n.isVisible() && n.isManaged());
        messageArea.setVisible(any);
        messageArea.setManaged(any);
    }

    /** The first size: what the content needs (with room for its optional sections), within the screen. */
    private void size(Stage st) {
        root.applyCss();
        Rectangle2D screen = screenFor(st.getOwner());
        double maxW = screen.getWidth() - 16;
        double maxH = screen.getHeight() - DECORATION;
        Insets in = body.getInsets();
        double w = Math.max(content.prefWidth(-1) + in.getLeft() + in.getRight() + 18, bar.prefWidth(-1));
        w = Math.max(w, Math.min(messages.prefWidth(-1), 520));
        w = Math.min(w, maxW);
        double contentH = content.prefHeight(w) + in.getTop() + in.getBottom() + 2;
        contentH += reserved(content);
        double h = contentH + bar.prefHeight(w) + (messageArea.isManaged() ? messageArea.prefHeight(w) : MESSAGE_RESERVE);
        h = Math.min(h, maxH);
        root.setPrefSize(Math.ceil(w), Math.ceil(h));
        root.setMaxSize(maxW, maxH);
    }

    /** Height of the optional sections that are hidden now but may appear ({@link Forms#roomFor}). */
    private static double reserved(Node n) {
        if (n.getProperties().containsKey(ROOM_FOR) && !(n.isVisible() && n.isManaged())) {
            return n.prefHeight(-1) + 8;
        }
        double sum = 0;
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) sum += reserved(c);
        }
        return sum;
    }

    private static void keepOnScreen(Stage st) {
        Rectangle2D screen = screenFor(st.getOwner());
        if (st.getHeight() > screen.getHeight()) st.setHeight(screen.getHeight());
        if (st.getWidth() > screen.getWidth()) st.setWidth(screen.getWidth());
        if (st.getY() + st.getHeight() > screen.getMaxY()) st.setY(Math.max(screen.getMinY(), screen.getMaxY() - st.getHeight()));
        if (st.getX() + st.getWidth() > screen.getMaxX()) st.setX(Math.max(screen.getMinX(), screen.getMaxX() - st.getWidth()));
        if (st.getY() < screen.getMinY()) st.setY(screen.getMinY());
        if (st.getX() < screen.getMinX()) st.setX(screen.getMinX());
    }

    /** The visual bounds of the owner's screen, narrowed to {@link #limit()} when one is set. */
    public static Rectangle2D screenFor(Window owner) {
        Screen s = Screen.getPrimary();
        if (owner != null && owner.getWidth() > 0) {
            var list = Screen.getScreensForRectangle(owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight());
            if (!list.isEmpty()) s = list.getFirst();
        }
        Rectangle2D b = s.getVisualBounds();
        Rectangle2D limit = limit();
        if (limit == null) return b;
        return new Rectangle2D(b.getMinX(), b.getMinY(), Math.min(b.getWidth(), limit.getWidth()),
                Math.min(b.getHeight(), limit.getHeight()));
    }

    /** The screen size set by {@link #SCREEN_PROPERTY}, or null. */
    static Rectangle2D limit() {
        String v = System.getProperty(SCREEN_PROPERTY);
        if (v == null || !v.matches("\\d+x\\d+")) return null;
        String[] p = v.split("x");
        return new Rectangle2D(0, 0, Integer.parseInt(p[0]), Integer.parseInt(p[1]));
    }

    /** Scrolls the dialog area holding {@code n} so that {@code n} is in view (after the next layout). */
    static void reveal(Node n) {
        Platform.runLater(() -> {
            ScrollPane sp = null;
            for (Node p = n.getParent(); p != null; p = p.getParent()) {
                if (p instanceof ScrollPane s && (s.getStyleClass().contains("dialog-content")
                        || s.getStyleClass().contains("dialog-messages"))) {
                    sp = s;
                    break;
                }
            }
            if (sp == null || sp.getContent() == null || n.getScene() == null) return;
            Node c = sp.getContent();
            Bounds b = c.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
            double ch = c.getBoundsInLocal().getHeight();
            double vh = sp.getViewportBounds().getHeight();
            if (ch <= vh || b == null) return;
            double top = sp.getVvalue() * (ch - vh);
            if (b.getMinY() < top) sp.setVvalue(b.getMinY() / (ch - vh));
            else if (b.getMaxY() > top + vh) sp.setVvalue(Math.min(1, (b.getMaxY() - vh) / (ch - vh)));
        });
    }
}
