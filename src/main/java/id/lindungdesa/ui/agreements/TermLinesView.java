package id.lindungdesa.ui.agreements;

import id.lindungdesa.domain.AddendumChange;
import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.CoverageTerm;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.Labelled;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.i18n.Messages;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Coverage lines (category, funding source, programmes, wage base, monthly contribution), with a change kind. */
final class TermLinesView {
    private final boolean withKind;
    private final ComboBox<AddendumChange.Kind> kind = new ComboBox<>();
    private final ComboBox<Category> category = new ComboBox<>();
    private final ComboBox<FundingSource> source = new ComboBox<>();
    private final CheckBox jkk = new CheckBox("JKK");
    private final CheckBox jkm = new CheckBox("JKM");
    private final CheckBox jht = new CheckBox("JHT");
    private final CheckBox jp = new CheckBox("JP");
    private final TextField wage = new TextField();
    private final TextField monthly = new TextField();
    private final ListView<String> list = new ListView<>();
    private final List<AddendumChange> changes = new ArrayList<>();
    private final Label error = new Label();
    private final VBox root;
    /** The terms in force of the agreement the lines change (issue 13: defaults for a new line). */
    private List<CoverageTerm> template = List.of();

    TermLinesView(boolean withKind) {
        this.withKind = withKind;
        kind.getItems().setAll(AddendumChange.Kind.values());
        kind.setValue(AddendumChange.Kind.ADD);
        kind.setConverter(labels());
        kind.setId("termKind");
        category.getItems().setAll(Category.values());
        category.setConverter(labels());
        category.setId("termCategory");
        category.setPromptText(Messages.tr("agreement.ui.category"));
        source.getItems().setAll(FundingSource.values());
        source.setConverter(labels());
        source.setId("termSource");
        source.setPromptText(Messages.tr("agreement.ui.source"));
        jkk.setId("termJkk");
        jkm.setId("termJkm");
        jht.setId("termJht");
        jp.setId("termJp");
        wage.setId("termWage");
        wage.setPromptText(Messages.tr("agreement.ui.wage"));
        wage.setPrefColumnCount(9);
        monthly.setId("termMonthly");
        monthly.setPromptText(Messages.tr("agreement.ui.monthly"));
        monthly.setPrefColumnCount(8);
        Button add = new Button(Messages.tr("agreement.ui.termAdd"));
        add.setId("termAdd");
        add.setOnAction(e -> add());
        Button remove = new Button(Messages.tr("agreement.ui.termRemove"));
        remove.setId("termRemove");
        remove.setOnAction(e -> {
            int i = list.getSelectionModel().getSelectedIndex();
            if (i >= 0) {
                changes.remove(i);
                list.getItems().remove(i);
            }
        });
        list.setId("termList");
        list.setPrefHeight(90);
        error.getStyleClass().add("error");
        FlowPane line = new FlowPane(6, 6);
        if (withKind) line.getChildren().add(kind);
        line.getChildren().addAll(category, source, jkk, jkm, jht, jp, wage, monthly, add);
        root = new VBox(4, line, list, new HBox(6, remove, error));
        category.valueProperty().addListener((o, was, is) -> fillFrom(is));
    }

    /**
     * The terms in force of the agreement the lines change. Choosing a category then fills the line: with that
     * category's own term when there is one (source, programmes, wage base and contribution, to change from), else
     * with the funding source and programmes the agreement already uses (never an amount, which differs per
     * category). Only fields the clerk has not filled are set.
     */
    void setTemplate(List<CoverageTerm> terms) {
        template = List.copyOf(terms);
    }

    private void fillFrom(Category c) {
        if (c == null || template.isEmpty()) return;
        CoverageTerm own = template.stream().filter(t -> t.category() == c).findFirst().orElse(null);
        CoverageTerm base = own != null ? own : template.getFirst();
        if (source.getValue() == null) source.setValue(base.fundingSource());
        if (!jkk.isSelected() && !jkm.isSelected() && !jht.isSelected() && !jp.isSelected()) {
            jkk.setSelected(base.programmes().contains(Programme.JKK));
            jkm.setSelected(base.programmes().contains(Programme.JKM));
            jht.setSelected(base.programmes().contains(Programme.JHT));
            jp.setSelected(base.programmes().contains(Programme.JP));
        }
        if (own != null && wage.getText().isBlank() && own.wageBase() != null) {
            wage.setText(Long.toString(own.wageBase()));
        }
        if (own != null && monthly.getText().isBlank() && own.monthlyContribution() != null) {
            monthly.setText(Long.toString(own.monthlyContribution()));
        }
    }

    /** A line chosen but not yet added with "Tambah" is added (on save); false when it cannot be (error shown). */
    boolean addPending() {
        if (category.getValue() == null) return true;
        int before = changes.size();
        add();
        return changes.size() > before;
    }

    private static <T extends Labelled> StringConverter<T> labels() {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : t.label(Messages.current().indonesian());
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    Node node() {
        return root;
    }

    private void add() {
        error.setText("");
        if (category.getValue() == null || source.getValue() == null) {
            error.setText(Messages.tr("agreement.error.termIncomplete"));
            return;
        }
        EnumSet<Programme> ps = EnumSet.noneOf(Programme.class);
        if (jkk.isSelected()) ps.add(Programme.JKK);
        if (jkm.isSelected()) ps.add(Programme.JKM);
        if (jht.isSelected()) ps.add(Programme.JHT);
        if (jp.isSelected()) ps.add(Programme.JP);
        AddendumChange.Kind k = withKind ? kind.getValue() : AddendumChange.Kind.ADD;
        if (ps.isEmpty() && k != AddendumChange.Kind.REMOVE) {
            error.setText(Messages.tr("agreement.error.noProgramme", category.getValue()));
            return;
        }
        Long w;
        Long m;
        try {
            w = AgreementsViewModel.rupiah(wage.getText());
            m = AgreementsViewModel.rupiah(monthly.getText());
        } catch (id.lindungdesa.domain.Money.NotMoneyException ex) {
            error.setText(id.lindungdesa.i18n.Formats.moneyError(ex));
            return;
        } catch (NumberFormatException ex) {
            error.setText(Messages.tr("agreement.ui.badAmount"));
            return;
        }
        CoverageTerm t = new CoverageTerm(category.getValue(), source.getValue(), ps, w, m);
        changes.add(new AddendumChange(k, t));
        list.getItems().add((withKind ? k.label(Messages.current().indonesian()) + ": " : "")
                + AgreementsView.termText(t));
        category.setValue(null);
        jkk.setSelected(false);
        jkm.setSelected(false);
        jht.setSelected(false);
        jp.setSelected(false);
        wage.clear();
        monthly.clear();
    }

    /** Starts from existing terms (editing an agreement). */
    void setTerms(List<CoverageTerm> terms) {
        changes.clear();
        list.getItems().clear();
        for (CoverageTerm t : terms) {
            changes.add(new AddendumChange(AddendumChange.Kind.ADD, t));
            list.getItems().add(AgreementsView.termText(t));
        }
    }

    List<CoverageTerm> terms() {
        return changes.stream().map(AddendumChange::term).toList();
    }

    List<AddendumChange> changes() {
        return List.copyOf(changes);
    }
}
