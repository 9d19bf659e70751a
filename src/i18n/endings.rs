//! Words for how an interview stops, locks and ends, and for what the setup promises about
//! privacy. Kept apart from the main table so that these screens read as one piece.

pub struct Words {
    /// The privacy sentence when intakes are encrypted to a clinic key.
    pub private_encrypted: &'static str,
    /// The privacy sentence when they are not: what is true instead.
    pub private_plain: &'static str,
    pub take_break_key: &'static str,
    pub break_title: &'static str,
    pub code_needed: &'static str,
    pub write_it_down: &'static str,
    pub break_enter: &'static str,
    pub lock_key: &'static str,
    pub leave_key: &'static str,
    pub stay_key: &'static str,
    pub saved_title: &'static str,
    pub continue_how: &'static str,
    pub finished_how: &'static str,
    pub nothing_saved: &'static str,
    pub locked_text: &'static str,
    pub locked_no_code: &'static str,
    pub locked_help: &'static str,
    pub wrong_code: &'static str,
    pub after_exit: &'static str,
    pub after_exit_locked: &'static str,
    pub after_exit_finished: &'static str,
    pub after_exit_unsaved: &'static str,
    pub save_failed_title: &'static str,
    pub save_failed_applicant: &'static str,
    pub save_failed_staff: &'static str,
    pub save_failed_folder: &'static str,
    pub save_failed_retry: &'static str,
    pub retry_key: &'static str,
    pub code_prompt_label: &'static str,
    pub plain_written: &'static str,
    pub plain_read: &'static str,
    pub plain_idle_locked: &'static str,
    pub plain_unlocked: &'static str,
    pub plain_save_retry: &'static str,
    pub crashed: &'static str,
}

pub static EN: Words = Words {
    private_encrypted: "Only the clinic's staff will see this answer. It is saved on this computer, encrypted.",
    private_plain: "Answers are saved on this computer without encryption: clinic staff can see them, and so could someone else who uses this computer.",
    take_break_key: "Take a break",
    break_title: "Taking a break",
    code_needed: "Your answers are saved. To come back to them you need this code:",
    write_it_down: "Write it down on paper and keep it with you.",
    break_enter: "Press Enter to lock the screen. When you come back, type the code.",
    lock_key: "Lock",
    leave_key: "Leave",
    stay_key: "Go back",
    saved_title: "Your answers are saved",
    continue_how: "To continue later, start pd-intake, choose \"I have a code to continue\" and type this code:",
    finished_how: "Your intake is finished. Show this code to the staff:",
    nothing_saved: "Nothing was answered, so nothing was saved.",
    locked_text: "Screen locked. Type your code and press Enter.",
    locked_no_code: "Screen locked. Press Enter to continue.",
    locked_help: "If you do not have the code, ask the staff. Your answers are saved.",
    wrong_code: "That code is not right. Please check it and try again.",
    after_exit: "Your answers are saved. To continue, start pd-intake and choose \"I have a code to continue\". If the code is lost, the staff can find the intake.",
    after_exit_locked: "The intake is saved and locked. To continue, start pd-intake and type its code; the staff can help.",
    after_exit_finished: "Your intake is saved and finished. Thank you.",
    after_exit_unsaved: "Your last answers could not be saved. Please tell the staff.",
    save_failed_title: "Saving did not work",
    save_failed_applicant: "Please call the staff. Your answers are still here, but they are not saved yet.",
    save_failed_staff: "For staff: {why}",
    save_failed_folder: "Data folder: {dir}",
    save_failed_retry: "Fix the folder (free space, permissions), then press Enter to try again. Ctrl-C leaves, and the answers not saved are lost.",
    retry_key: "Try again",
    code_prompt_label: "Type the code",
    plain_written: "Press Enter when you have written it down. The screen will then be cleared.",
    plain_read: "Press Enter when you have finished reading. The screen will then be cleared.",
    plain_idle_locked: "This intake was locked because no one typed for a while. Type the code to continue. If you do not have it, ask the staff.",
    plain_unlocked: "Unlocked.",
    plain_save_retry: "Press Enter to try again, or type :q to stop (answers not saved are lost).",
    crashed: "pd-intake stopped because of an error. Your answers up to the last one are saved.",
};

pub static ES: Words = Words {
    private_encrypted: "Solo el personal de la clínica verá esta respuesta. Se guarda cifrada en esta computadora.",
    private_plain: "Las respuestas se guardan en esta computadora sin cifrar: el personal de la clínica puede verlas, y también otra persona que use esta computadora.",
    take_break_key: "Tomar un descanso",
    break_title: "Un descanso",
    code_needed: "Sus respuestas están guardadas. Para volver a ellas necesita este código:",
    write_it_down: "Anótelo en un papel y guárdelo con usted.",
    break_enter: "Pulse Enter para bloquear la pantalla. Cuando vuelva, escriba el código.",
    lock_key: "Bloquear",
    leave_key: "Salir",
    stay_key: "Volver",
    saved_title: "Sus respuestas están guardadas",
    continue_how: "Para seguir después, abra pd-intake, elija «Tengo un código para seguir» y escriba este código:",
    finished_how: "Su entrevista está terminada. Muestre este código al personal:",
    nothing_saved: "No contestó ninguna pregunta, así que no se guardó nada.",
    locked_text: "Pantalla bloqueada. Escriba su código y pulse Enter.",
    locked_no_code: "Pantalla bloqueada. Pulse Enter para seguir.",
    locked_help: "Si no tiene el código, pida ayuda al personal. Sus respuestas están guardadas.",
    wrong_code: "Ese código no es correcto. Revíselo e inténtelo otra vez.",
    after_exit: "Sus respuestas están guardadas. Para seguir, abra pd-intake y elija «Tengo un código para seguir». Si perdió el código, el personal puede encontrar la entrevista.",
    after_exit_locked: "La entrevista está guardada y bloqueada. Para seguir, abra pd-intake y escriba su código; el personal puede ayudarle.",
    after_exit_finished: "Su entrevista está guardada y terminada. Gracias.",
    after_exit_unsaved: "Sus últimas respuestas no se pudieron guardar. Por favor, avise al personal.",
    save_failed_title: "No se pudo guardar",
    save_failed_applicant: "Por favor, llame al personal. Sus respuestas siguen aquí, pero todavía no están guardadas.",
    save_failed_staff: "Para el personal: {why}",
    save_failed_folder: "Carpeta de datos: {dir}",
    save_failed_retry: "Arregle la carpeta (espacio libre, permisos) y pulse Enter para intentarlo otra vez. Ctrl-C sale, y se pierden las respuestas sin guardar.",
    retry_key: "Intentar otra vez",
    code_prompt_label: "Escriba el código",
    plain_written: "Pulse Enter cuando lo haya anotado. Luego se borrará la pantalla.",
    plain_read: "Pulse Enter cuando termine de leer. Luego se borrará la pantalla.",
    plain_idle_locked: "Esta entrevista se bloqueó porque nadie escribió durante un rato. Escriba el código para seguir. Si no lo tiene, pida ayuda al personal.",
    plain_unlocked: "Desbloqueada.",
    plain_save_retry: "Pulse Enter para intentarlo otra vez, o escriba :q para parar (se pierden las respuestas sin guardar).",
    crashed: "pd-intake se detuvo por un error. Sus respuestas hasta la última están guardadas.",
};

/// The words for a language code; unknown codes fall back to English.
pub fn words(lang: &str) -> &'static Words {
    match lang {
        "es" => &ES,
        _ => &EN,
    }
}

/// The privacy sentence that is true for this setup.
pub fn privacy(lang: &str, encrypted: bool) -> &'static str {
    let w = words(lang);
    if encrypted {
        w.private_encrypted
    } else {
        w.private_plain
    }
}
